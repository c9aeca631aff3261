namespace Dispatch.Contracts;

/// <summary>
/// An order nobody claimed after its last escalation step closed unserved. <c>Version</c> as in
/// <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderExpired(Guid NeedId, DateTimeOffset ExpiredAt, long Version);
