using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dispatch.ServiceDefaults.Tests.Messaging;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.ServiceDefaults.Tests.Http;

/// <summary>What every process built from the service defaults tells, and does not tell, a stranger.</summary>
public sealed class ProtectionsTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    [Fact]
    public async Task No_answer_names_the_server_software()
    {
        var response = await host.Client.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task A_refused_token_is_answered_without_saying_what_is_wrong_with_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/probe/cancel");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin() + "x");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("error_description", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_tells_a_stranger_only_whether_it_is_ready_and_an_admin_every_check()
    {
        var anonymous = JsonNode.Parse(await host.Client.GetStringAsync("/health/ready"))!.AsObject();
        var admin = JsonNode.Parse(await host.Admin.GetStringAsync("/health/ready"))!.AsObject();

        Assert.Equal(["status"], anonymous.Select(p => p.Key));
        Assert.Equal("Healthy", anonymous["status"]!.GetValue<string>());
        Assert.Contains("postgres", admin["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void MassTransit_usage_telemetry_is_off() =>
        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
}
