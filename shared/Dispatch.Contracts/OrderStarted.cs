namespace Dispatch.Contracts;

/// <summary>The team holding the order started the service. <c>Version</c> as in <see cref="OrderClaimed"/>.</summary>
public sealed record OrderStarted(Guid NeedId, Guid TeamId, DateTimeOffset StartedAt, long Version);
