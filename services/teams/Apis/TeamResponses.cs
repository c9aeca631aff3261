using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A team as the API shows it; the leader's name and phone, and the proposal waiting for the coordinator, are null
/// for callers outside the team and its street's administration.
/// </summary>
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
    TrackRecordResponse TrackRecord,
    int CapacityCeiling,
    Guid? PendingChangeId);

/// <summary>What the team has done, from the matching service's order events, the branches' ratings and the residents' ratings.</summary>
internal sealed record TrackRecordResponse(
    int OrdersClaimed,
    int OrdersCompleted,
    int OrdersReleased,
    decimal ServiceHours,
    int VolunteersEngaged,
    decimal? AverageRating,
    int RatingsCount,
    int OrdersReassigned,
    int OrdersAutoReleased,
    int OrdersTransferred,
    decimal? AverageResidentRating,
    int ResidentRatingsCount);

internal sealed record TeamHistoryItem(DateTimeOffset At, string? FromStatus, string ToStatus, string Actor, string? Reason, string? Mentor);

/// <summary>One change of a service list: the fields it touched before and after (the others null), who made it and who decided it.</summary>
internal sealed record TeamChangeResponse(
    Guid Id,
    Guid TeamId,
    string TeamName,
    string Status,
    ProfileFields Before,
    ProfileFields After,
    string ChangedBy,
    string ChangedByRole,
    DateTimeOffset ChangedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason)
{
    public static TeamChangeResponse From(TeamChange c) =>
        new(c.Id, c.TeamId, c.TeamName, c.Status, c.Before, c.After, c.ChangedBy, c.ChangedByRole, c.ChangedAt, c.DecidedBy, c.DecidedAt, c.Reason);
}
