namespace Dispatch.Teams.Apis;

internal sealed record ItemsPage<T>(IReadOnlyList<T> Items, long Total);

/// <summary>A team as the API shows it; the leader's name and phone are null for callers who may not see them.</summary>
internal sealed record TeamResponse(
    Guid Id,
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
    DateTimeOffset CreatedAt,
    string? LeaderName,
    string? LeaderPhone,
    IReadOnlyList<string> Availability,
    string? Mentor,
    long Version,
    TrackRecordResponse TrackRecord);

/// <summary>What the team has done, from the matching service's order events and the branches' ratings.</summary>
internal sealed record TrackRecordResponse(
    int OrdersClaimed,
    int OrdersCompleted,
    int OrdersReleased,
    decimal ServiceHours,
    int VolunteersEngaged,
    decimal? AverageRating,
    int RatingsCount);

internal sealed record TeamHistoryItem(DateTimeOffset At, string? FromStatus, string ToStatus, string Actor, string? Reason, string? Mentor);
