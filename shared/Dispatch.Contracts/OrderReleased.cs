namespace Dispatch.Contracts;

/// <summary>
/// The team holding the order gave it back to the hall, with a reason. <c>Version</c> as in
/// <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderReleased(Guid NeedId, Guid TeamId, string Reason, DateTimeOffset ReleasedAt, long Version);
