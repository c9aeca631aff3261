using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>The residents' public endpoints: routed without a token, rate-limited per address apart from signed-in traffic.</summary>
public sealed class ResidentRoutesTests(TightLimitsGatewayFactory gateway) : IClassFixture<TightLimitsGatewayFactory>
{
    private static readonly string Code = new('A', 26);

    [Fact]
    public async Task The_public_endpoints_need_no_token_while_the_inbox_and_the_rest_of_requests_do()
    {
        // A fresh address per call, so that this test stays under the residents' own limit.
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Post, "/api/requests"), (HttpMethod.Post, "/api/requests/lookup"), (HttpMethod.Get, $"/api/requests/track/{Code}"),
                     (HttpMethod.Post, $"/api/requests/track/{Code}/rating"), (HttpMethod.Get, $"/api/requests/communities/{Guid.NewGuid()}/form"),
                 })
            Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(NewAddress(), method, path)).StatusCode);
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/api/requests/inbox"), (HttpMethod.Post, "/api/requests/assisted"), (HttpMethod.Get, "/api/requests/poster"),
                     (HttpMethod.Post, $"/api/requests/inbox/{Guid.NewGuid()}/accept"), (HttpMethod.Get, "/api/requests/communities/x/other"),
                 })
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendFromAsync(NewAddress(), method, path)).StatusCode);
    }

    [Fact]
    public async Task Over_the_residents_limit_an_address_gets_429_in_Chinese_while_signed_in_traffic_and_other_addresses_go_on()
    {
        var address = NewAddress();
        for (var i = 0; i < TightLimitsGatewayFactory.ResidentsPermitLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(address, HttpMethod.Get, $"/api/requests/track/{Code}")).StatusCode);

        var refused = await SendFromAsync(address, HttpMethod.Post, "/api/requests");
        var otherAddress = await SendFromAsync(NewAddress(), HttpMethod.Get, $"/api/requests/track/{Code}");
        var signedIn = await gateway.ClientWithToken(TestTokens.Branch(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())).GetAsync("/api/requests/inbox");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("请", (await refused.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_filing_over_16_KiB_is_refused_before_it_reaches_the_needs_service()
    {
        var body = new StringContent(new string('x', 20_000), System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = body };
        request.Headers.Add(ClientAddressFromHeader.Header, NewAddress());
        var response = await gateway.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendFromAsync(string address, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        if (method == HttpMethod.Post)
            request.Content = JsonContent.Create(new { });
        return await gateway.CreateClient().SendAsync(request);
    }

    private static int _addresses;

    // Each call a fresh address of the documentation range, so that no two tests share a window.
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"10.21.{n / 250}.{n % 250 + 1}";
    }
}
