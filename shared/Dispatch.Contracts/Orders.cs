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
