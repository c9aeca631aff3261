using System.Net;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>The client's address behind the ingress, as the sign-in limits per username and address see it; a forwarded header from anyone else counts for nothing.</summary>
public sealed class ForwardedHeadersTests(BehindIngressGatewayFactory gateway) : IClassFixture<BehindIngressGatewayFactory>
{
    [Fact]
    public async Task Behind_the_trusted_ingress_each_client_address_has_its_own_limit()
    {
        var (first, second) = ($"203.0.113.{Random.Shared.Next(1, 120)}", $"203.0.113.{Random.Shared.Next(130, 250)}");
        for (var i = 0; i < BehindIngressGatewayFactory.PermitLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(BehindIngressGatewayFactory.Ingress.ToString(), first)).StatusCode);

        var refused = await SendAsync(BehindIngressGatewayFactory.Ingress.ToString(), first);
        var other = await SendAsync(BehindIngressGatewayFactory.Ingress.ToString(), second);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_the_ingress_cannot_pose_as_other_addresses()
    {
        var peer = $"198.51.100.{Random.Shared.Next(1, 250)}";
        for (var i = 0; i < BehindIngressGatewayFactory.PermitLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(peer, $"192.0.2.{i + 1}")).StatusCode);

        var refused = await SendAsync(peer, "192.0.2.200");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { username = "nobody-at-all", password = "wrong-password" }),
        };
        request.Headers.Add(BehindIngressGatewayFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await gateway.CreateClient().SendAsync(request);
    }
}
