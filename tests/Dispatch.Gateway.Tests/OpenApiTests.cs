using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class OpenApiTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task OpenApi_document_is_public_and_describes_every_route_the_gateway_serves()
    {
        var response = await gateway.CreateClient().GetAsync("/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var document = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("openapi: 3.", document.Split('\n').First(line => !line.StartsWith('#')), StringComparison.Ordinal);
        var paths = document.Split('\n').Where(line => line.StartsWith("  /", StringComparison.Ordinal)).Select(line => line.Trim().TrimEnd(':')).ToList();
        var routes = gateway.Services.GetRequiredService<IConfiguration>().GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => route["Match:Path"]!.Split('{')[0].TrimEnd('/'))
            .Concat(["/api/auth/token", "/api/accounts", "/health/live", "/health/ready"]);
        Assert.All(routes, prefix => Assert.Contains(paths, path => path.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_gateways_own_endpoints_and_the_document_agree()
    {
        var mapped = PublicApiDocument.MappedBy(gateway.Services);

        Assert.Empty(mapped.Except(PublicApiDocument.Operations).Order());
        Assert.Empty(PublicApiDocument.Under("/api/auth", "/api/accounts").Except(mapped).Order());
    }
}
