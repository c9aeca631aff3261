namespace Dispatch.Contracts;

/// <summary>
/// An unclaimed order widened its reach: level 1 street, 2 district, 3 coordinator alert. <c>Version</c> as in
/// <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderEscalated(Guid NeedId, int Level, DateTimeOffset EscalatedAt, long Version);
