using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>Signs the short-lived tokens the gateway hands out (and tests mint) with the first signing key.</summary>
public sealed class TokenWriter(AuthOptions options, TimeProvider clock)
{
    public (string Token, int ExpiresInSeconds) Write(Caller caller)
    {
        var claims = new List<Claim>
        {
            new(DispatchClaims.Subject, caller.AccountId.ToString()),
            new(DispatchClaims.Username, caller.Username),
            new(DispatchClaims.Role, caller.Role),
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
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            SigningCredentials = new SigningCredentials(options.Keys()[0], SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), (int)options.TokenLifetime.TotalSeconds);
    }
}
