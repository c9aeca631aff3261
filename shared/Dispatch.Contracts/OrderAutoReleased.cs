namespace Dispatch.Contracts;

/// <summary>
/// The deadline sweep took an overdue order from <paramref name="TeamId"/>, which did not start it within the grace after
/// its service start: it is published again, open to all, at <paramref name="EscalationLevel"/> (the coordinator alert
/// when its service time has passed). It counts on the team's track record as an automatic release.
/// </summary>
public sealed record OrderAutoReleased(Guid NeedId, Guid TeamId, string Reason, int EscalationLevel, DateTimeOffset ReleasedAt, long Version);
