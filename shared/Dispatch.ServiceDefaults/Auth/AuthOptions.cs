using System.Collections.Concurrent;
using System.Text;
using Dispatch.ServiceDefaults.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// Token settings shared by the gateway (which signs) and the services (which validate).
/// <c>Auth__SigningKeys</c> holds one or more keys separated by commas: the first signs,
/// all validate, so a key can be rotated by adding the new one first and dropping the old one later.
/// <c>Auth__SigningKeysFile</c> names a file of keys (one a line, or comma-separated; <c>#</c> starts a comment)
/// that is re-read whenever it changes, so keys rotate without restarting anything: its keys come before
/// those of <c>Auth__SigningKeys</c> (leave that empty when using the file, or its keys stay valid).
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    // The parsed keys of each file as last read, so validating a token costs a stat, not a read and hashes.
    private static readonly ConcurrentDictionary<string, (DateTime Written, long Length, string[] Secrets)> FileKeys = new();

    public string Issuer { get; set; } = "dispatch-gateway";
    public string Audience { get; set; } = "dispatch";
    [RequiredSetting]
    public string SigningKeys { get; set; } = "";
    public string? SigningKeysFile { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The audience of the token an account gets while it must still choose its own password: only the gateway's
    /// <c>POST /api/auth/password</c> accepts it; every other endpoint of every service refuses it as a stranger's.
    /// </summary>
    public string PasswordChangeAudience { get; set; } = "dispatch-password-change";

    public TimeSpan PasswordChangeTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each process re-reads the ended sessions its database recorded (<c>Auth__EndedSessionsRefreshInterval</c>).</summary>
    public TimeSpan EndedSessionsRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<SymmetricSecurityKey> Keys()
    {
        var secrets = ReadFile().Concat(SigningKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        // Every token asks for the keys: the same secrets give the same key objects (whose thumbprints and HMACs the
        // token handler caches), instead of new ones hashed again on every request.
        var cacheKey = string.Join('\n', secrets);
        if (ParsedKeys.TryGetValue(cacheKey, out var known))
            return known;
        if (ParsedKeys.Count > 16)
            ParsedKeys.Clear(); // rotations are rare; never let old sets pile up
        return ParsedKeys[cacheKey] = Parse(secrets);
    }

    private static readonly ConcurrentDictionary<string, IReadOnlyList<SymmetricSecurityKey>> ParsedKeys = new(StringComparer.Ordinal);

    private static SymmetricSecurityKey[] Parse(string[] secrets)
    {
        var keys = secrets.Select(secret => Encoding.UTF8.GetBytes(secret)).ToList();
        if (keys.Count == 0)
            throw new InvalidOperationException("Auth:SigningKeys is empty: set Auth__SigningKeys (or Auth__SigningKeysFile) to a secret of at least 32 characters.");
        if (keys.Any(k => k.Length < 32))
            throw new InvalidOperationException("Every signing key must be at least 32 bytes long.");
        return [.. keys.Select((k, i) => new SymmetricSecurityKey(k) { KeyId = $"k{i}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(k))[..8]}" })];
    }

    private string[] ReadFile()
    {
        if (string.IsNullOrWhiteSpace(SigningKeysFile))
            return [];
        var file = new FileInfo(SigningKeysFile);
        if (FileKeys.TryGetValue(file.FullName, out var known) && file.Exists && known.Written == file.LastWriteTimeUtc && known.Length == file.Length)
            return known.Secrets;
        try
        {
            var secrets = File.ReadAllLines(file.FullName)
                .Select(line => line.Split('#')[0])
                .SelectMany(line => line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToArray();
            FileKeys[file.FullName] = (file.LastWriteTimeUtc, file.Length, secrets);
            return secrets;
        }
        catch (IOException) when (known.Secrets is not null)
        {
            // Replaced while being read: the keys read before stay in force until the next request reads the new file.
            return known.Secrets;
        }
    }
}
