using System.Net;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>What the edge does to every proxied route, to each of the three clusters behind it.</summary>
public sealed class ProxiedRoutesTests(EchoingGatewayFactory gateway) : IClassFixture<EchoingGatewayFactory>
{
    [Theory]
    [InlineData("/api/needs")]
    [InlineData("/api/needs/import")]
    [InlineData("/api/teams")]
    [InlineData("/api/places")]
    [InlineData("/api/orders/hall")]
    [InlineData("/api/stats/match-rate")]
    [InlineData("/api/matching-plans/0199a1b2-0000-7000-8000-000000000001")]
    public async Task Every_route_drops_the_browsers_cookies_and_marks_answers_not_to_be_stored(string path)
    {
        var client = gateway.ClientWithToken(TestTokens.Admin());
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "session=from-the-ui");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.JsonAsync();
        Assert.Equal(path, echoed.GetProperty("path").GetString());
        Assert.Equal("", echoed.GetProperty("cookie").GetString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
