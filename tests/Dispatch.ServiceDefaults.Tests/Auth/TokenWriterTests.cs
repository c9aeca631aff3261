using Dispatch.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Tests.Auth;

public sealed class TokenWriterTests
{
    private static readonly AuthOptions Options = new() { SigningKeys = "new-key-0123456789-0123456789-0123456789, old-key-0123456789-0123456789-0123456789" };

    private static TokenValidationParameters Validation(AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKeys = options.Keys(),
    };

    [Fact]
    public async Task A_written_token_carries_the_callers_role_and_scope()
    {
        var teamId = Guid.NewGuid();
        var caller = new Caller(Guid.NewGuid(), "team-01", Roles.Team, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), teamId);

        var (token, expiresIn) = new TokenWriter(Options, TimeProvider.System).Write(caller);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, Validation(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(1800, expiresIn);
        var read = Caller.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity));
        Assert.Equal(caller, read);
    }

    [Fact]
    public async Task A_token_signed_with_the_old_key_still_validates_during_rotation()
    {
        var old = new AuthOptions { SigningKeys = "old-key-0123456789-0123456789-0123456789" };
        var (token, _) = new TokenWriter(old, TimeProvider.System).Write(new Caller(Guid.NewGuid(), "a", Roles.Admin, null, null, null, null));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(Options));

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void A_short_signing_key_is_refused()
    {
        var options = new AuthOptions { SigningKeys = "too-short" };

        Assert.Throws<InvalidOperationException>(() => options.Keys());
    }
}
