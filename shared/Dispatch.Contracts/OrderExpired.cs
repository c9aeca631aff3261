namespace Dispatch.Contracts;

/// <summary>
/// An order nobody claimed in time closed unserved: after its last escalation step, or at its service start. <c>Reason</c>
/// says which, for the timeline (null from senders older than the reason). <c>Version</c> as in <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderExpired(Guid NeedId, DateTimeOffset ExpiredAt, long Version, string? Reason = null);
