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
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
