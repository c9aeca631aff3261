namespace Dispatch.Contracts;

/// <summary>
/// A claimed order reached its service start without being started: it is overdue, and unless its team starts it,
/// it is released back to the hall at <paramref name="ReleaseAt"/> (the start plus <c>Claims__StartGrace</c>).
/// </summary>
public sealed record OrderOverdue(Guid NeedId, Guid TeamId, DateTimeOffset StartsAt, DateTimeOffset ReleaseAt, DateTimeOffset OverdueAt, long Version);
