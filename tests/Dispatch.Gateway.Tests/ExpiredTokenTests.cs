using System.Net;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class ExpiredTokenTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Theory]
    [InlineData(120)]
    // Expired one minute ago: beyond the 30-second clock skew every service allows.
    [InlineData(1)]
    public async Task Token_that_expired_minutes_ago_gets_401(int minutesAgo)
    {
        var issuedAt = new ShiftedClock(-(TestTokens.Options.TokenLifetime + TimeSpan.FromMinutes(minutesAgo)));
        var (token, _) = new TokenWriter(TestTokens.Options, issuedAt).Write(new Caller(Guid.NewGuid(), "admin", Roles.Admin, null, null, null, null));

        var needs = await gateway.ClientWithToken(token).GetAsync("/api/needs");
        var accounts = await gateway.ClientWithToken(token).GetAsync("/api/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, needs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accounts.StatusCode);
    }

    [Fact]
    public async Task Token_that_is_still_valid_passes()
    {
        var (token, _) = new TokenWriter(TestTokens.Options, new ShiftedClock(-TimeSpan.FromMinutes(10)))
            .Write(new Caller(Guid.NewGuid(), "admin", Roles.Admin, null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(token).GetAsync("/api/needs")).StatusCode);
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
