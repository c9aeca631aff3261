using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class SignInLimitsTests(TightLimitsGatewayFactory gateway) : IClassFixture<TightLimitsGatewayFactory>
{
    [Fact]
    public async Task Failed_sign_ins_from_one_address_are_limited_whatever_the_usernames_but_not_where_an_account_signed_in_before()
    {
        var admin = gateway.ClientFrom("203.0.113.7");
        var sprayer = gateway.ClientFrom("203.0.113.7");
        await admin.TokenAsync("admin", GatewayFactory.AdminPassword);
        for (var i = 0; i < TightLimitsGatewayFactory.AddressFailureLimit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await sprayer.RequestTokenAsync($"guess-{i}", "wrong-password-1")).StatusCode);

        var refused = await sprayer.RequestTokenAsync("someone-else", "wrong-password-1");
        var elsewhere = await gateway.ClientFrom("198.51.100.9").RequestTokenAsync("someone-else", "wrong-password-1");
        var knownHere = await admin.RequestTokenAsync("admin", GatewayFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownHere.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_at_one_username_from_many_addresses_are_limited_but_not_where_it_signed_in_before()
    {
        var admin = gateway.ClientWithToken(TestTokens.Admin());
        (await admin.PostAsJsonAsync("/api/accounts", new { username = "much-guessed", password = "right-password-1", role = "admin" })).EnsureSuccessStatusCode();
        var owner = gateway.ClientFrom("192.0.2.50");
        await owner.TokenAsync("much-guessed", "right-password-1");
        for (var i = 0; i < TightLimitsGatewayFactory.UsernameFailureLimit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientFrom($"192.0.2.{100 + i}").RequestTokenAsync("much-guessed", "wrong-password-1")).StatusCode);

        var newAddress = await gateway.ClientFrom("192.0.2.200").RequestTokenAsync("much-guessed", "right-password-1");
        var ownersAddress = await owner.RequestTokenAsync("much-guessed", "right-password-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, newAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownersAddress.StatusCode);
    }
}
