namespace Dispatch.Contracts;

// Events of the matching service. Version is the order's version in the matching database:
// it grows with every transition, so a consumer applies an event only when it is newer than
// what it has seen, whatever order the broker delivers them in.

public sealed record OrderClaimed(Guid NeedId, Guid TeamId, DateTimeOffset ClaimedAt, long Version);

/// <summary>
/// Who an open order is directed to changed: a coordinator directed it to <c>TeamId</c> (which may be outside
/// the team's service list, inside the coordinator's street), or the team the branch named may not take it
/// and it is open to every eligible team (<c>TeamId</c> null). <c>Reason</c> says which, for the timeline.
/// </summary>
public sealed record OrderDirected(Guid NeedId, Guid? TeamId, string Actor, string Reason, DateTimeOffset DirectedAt, long Version);

public sealed record OrderDeclined(Guid NeedId, Guid TeamId, string? Reason, DateTimeOffset DeclinedAt, long Version);

public sealed record OrderReleased(Guid NeedId, Guid TeamId, string Reason, DateTimeOffset ReleasedAt, long Version);

public sealed record OrderStarted(Guid NeedId, Guid TeamId, DateTimeOffset StartedAt, long Version);

public sealed record OrderCompleted(
    Guid NeedId,
    Guid TeamId,
    decimal ServiceHours,
    int VolunteersCount,
    string Summary,
    DateTimeOffset CompletedAt,
    long Version);

/// <summary>An unclaimed order widened its reach: level 1 street, 2 district, 3 coordinator alert.</summary>
public sealed record OrderEscalated(Guid NeedId, int Level, DateTimeOffset EscalatedAt, long Version);

public sealed record OrderExpired(Guid NeedId, DateTimeOffset ExpiredAt, long Version);

/// <summary>
/// A coordinator took the order from a team that may no longer serve it (suspended or retired) and directed it to
/// <paramref name="ToTeamId"/>, which accepts or declines it, or put it back in the hall when that is null.
/// <paramref name="FromStatus"/> says whether the team held it (claimed, in_service) or had only been asked (published).
/// </summary>
public sealed record OrderReassigned(
    Guid NeedId,
    Guid FromTeamId,
    string FromStatus,
    Guid? ToTeamId,
    string Reason,
    string ReassignedBy,
    DateTimeOffset ReassignedAt,
    long Version);
