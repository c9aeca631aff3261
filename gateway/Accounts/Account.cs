namespace Dispatch.Gateway.Accounts;

/// <summary>One row of <c>accounts</c>: who may sign in, with which role, bound to which place or team.</summary>
internal sealed class Account
{
    public Guid Id { get; init; }
    public string Username { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public Guid? CommunityId { get; init; }
    public Guid? StreetId { get; init; }
    public Guid? DistrictId { get; init; }
    public Guid? TeamId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Its password was set by someone else (a one-time password): it must choose its own before anything else.</summary>
    public bool MustChangePassword { get; init; }

    public DateTimeOffset? PasswordChangedAt { get; init; }

    /// <summary>Raised each time the account's sessions end; a token of a lower generation is refused.</summary>
    public int SessionGeneration { get; init; }

    /// <summary>The admin's: the hash of <c>Dispatch:AdminPassword</c> as last applied (see <see cref="AdminAccountBootstrap"/>).</summary>
    public string? BootstrapPasswordHash { get; init; }

    public bool IsDisabled => DisabledAt is not null;
}
