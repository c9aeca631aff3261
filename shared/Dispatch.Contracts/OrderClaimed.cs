namespace Dispatch.Contracts;

/// <summary>
/// A team claimed the order (接单). <c>Version</c> is the order's version in the matching database: it grows with
/// every transition, so a consumer applies the event only when it is newer than what it has seen, whatever order
/// the broker delivers them in.
/// </summary>
public sealed record OrderClaimed(Guid NeedId, Guid TeamId, DateTimeOffset ClaimedAt, long Version);
