namespace Dispatch.Contracts;

/// <summary>
/// What other services may know of a team: its service list, never its leader's phone. Every team event carries the
/// whole profile and its version, so a consumer can build its read model from any one of them and ignore one older
/// than what it holds.
/// </summary>
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
