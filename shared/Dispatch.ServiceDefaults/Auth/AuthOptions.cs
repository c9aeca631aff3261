using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// Token settings shared by the gateway (which signs) and the services (which validate).
/// <c>Auth__SigningKeys</c> holds one or more keys separated by commas: the first signs,
/// all validate, so a key can be rotated by adding the new one first and dropping the old one later.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "dispatch-gateway";
    public string Audience { get; set; } = "dispatch";
    public string SigningKeys { get; set; } = "";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<SymmetricSecurityKey> Keys()
    {
        var keys = SigningKeys
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(secret => Encoding.UTF8.GetBytes(secret))
            .ToList();
        if (keys.Count == 0)
            throw new InvalidOperationException("Auth:SigningKeys is empty: set Auth__SigningKeys to a secret of at least 32 characters.");
        if (keys.Any(k => k.Length < 32))
            throw new InvalidOperationException("Every key in Auth:SigningKeys must be at least 32 bytes long.");
        return keys.Select((k, i) => new SymmetricSecurityKey(k) { KeyId = $"k{i}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(k))[..8]}" }).ToList();
    }
}
