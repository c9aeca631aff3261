using System.Net;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class MetricsTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_public_address_does_not_answer_metrics_with_or_without_a_token(bool signedIn)
    {
        var client = signedIn ? gateway.ClientWithToken(TestTokens.Admin()) : gateway.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }
}
