namespace Dispatch.Contracts;

// Events of the team registry. Each carries the whole public profile and its version, so a
// consumer can build its read model from any one of them and ignore ones older than what it holds.

/// <summary>What other services may know of a team: its service list, never its leader's phone.</summary>
public sealed record TeamProfile(
    Guid TeamId,
    string Name,
    string Kind,
    Guid CommunityId,
    Guid StreetId,
    Guid DistrictId,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Skills,
    string ServiceArea,
    int Capacity,
    int MembersCount,
    string Status,
    DateTimeOffset? HatchedAt,
    long Version);

public sealed record TeamRegistered(TeamProfile Team, DateTimeOffset RegisteredAt);

public sealed record TeamHatched(TeamProfile Team, DateTimeOffset HatchedAt);

public sealed record TeamSuspended(TeamProfile Team, string? Reason, DateTimeOffset SuspendedAt);

public sealed record TeamProfileChanged(TeamProfile Team, DateTimeOffset ChangedAt);
