using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>Signs the short-lived tokens the gateway hands out (and tests mint) with the first signing key.</summary>
public sealed class TokenWriter(AuthOptions options, TimeProvider clock)
{
    /// <summary>A token for everything the caller's role may do, in session <paramref name="sessionGeneration"/> of its account.</summary>
    public (string Token, int ExpiresInSeconds) Write(Caller caller, int sessionGeneration = 0) =>
        Write(caller, sessionGeneration, options.Audience, options.TokenLifetime);

    /// <summary>A token that opens only <c>POST /api/auth/password</c>, for an account that must choose its own password first.</summary>
    public (string Token, int ExpiresInSeconds) WritePasswordChange(Caller caller, int sessionGeneration) =>
        Write(caller, sessionGeneration, options.PasswordChangeAudience, options.PasswordChangeTokenLifetime);

    private (string Token, int ExpiresInSeconds) Write(Caller caller, int sessionGeneration, string audience, TimeSpan lifetime)
    {
        var claims = new List<Claim>
        {
            new(DispatchClaims.Subject, caller.AccountId.ToString()),
            new(DispatchClaims.Username, caller.Username),
            new(DispatchClaims.Role, caller.Role),
            new(DispatchClaims.SessionGeneration, sessionGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
        };
        void Add(string type, Guid? id)
        {
            if (id is { } value)
                claims.Add(new Claim(type, value.ToString()));
        }
        Add(DispatchClaims.CommunityId, caller.CommunityId);
        Add(DispatchClaims.StreetId, caller.StreetId);
        Add(DispatchClaims.DistrictId, caller.DistrictId);
        Add(DispatchClaims.TeamId, caller.TeamId);

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(options.Keys()[0], SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), (int)lifetime.TotalSeconds);
    }
}
