using Microsoft.AspNetCore.Identity;

namespace Dispatch.Gateway.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, without the rest of Identity.</summary>
internal sealed class Passwords
{
    private readonly PasswordHasher<Account> _hasher = new();

    // Verified against when the username is unknown, so that answer takes as long as a wrong password.
    private readonly Lazy<string> _decoy;

    public Passwords() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString("N")));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string? hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash ?? _decoy.Value, password) != PasswordVerificationResult.Failed && hash is not null;
}
