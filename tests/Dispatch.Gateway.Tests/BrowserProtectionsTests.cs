using System.Net;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>What the gateway tells browsers about every answer: the page, its own API and the services' answers alike.</summary>
public sealed class BrowserProtectionsTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app/main.js")]
    [InlineData("/api/needs")]
    [InlineData("/api/accounts")]
    [InlineData("/health/live")]
    public async Task Every_answer_allows_only_its_own_origin_no_framing_no_sniffing_no_referrer_and_names_no_server(string path)
    {
        var response = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"{path} names its server: {string.Join(", ", response.Headers.Server)}");
    }

    [Fact]
    public async Task Sign_in_and_account_answers_are_never_stored()
    {
        var signIn = await gateway.CreateClient().RequestTokenAsync("admin", GatewayFactory.AdminPassword);
        var failed = await gateway.CreateClient().RequestTokenAsync("admin", "not-the-password");
        var accounts = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/accounts");

        foreach (var response in new[] { signIn, failed, accounts })
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage!.RequestUri}: {response.Headers.CacheControl}");
    }
}
