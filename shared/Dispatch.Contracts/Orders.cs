namespace Dispatch.Contracts;

// Events of the matching service. Version is the order's version in the matching database:
// it grows with every transition, so a consumer applies an event only when it is newer than
// what it has seen, whatever order the broker delivers them in.

public sealed record OrderClaimed(Guid NeedId, Guid TeamId, DateTimeOffset ClaimedAt, long Version);

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
