namespace Dispatch.Contracts;

/// <summary>
/// The team a directed order was sent to declined it. <c>Version</c> as in <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderDeclined(Guid NeedId, Guid TeamId, string? Reason, DateTimeOffset DeclinedAt, long Version);
