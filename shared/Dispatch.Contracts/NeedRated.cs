namespace Dispatch.Contracts;

/// <summary>The branch rated the service (评单); the need is closed.</summary>
public sealed record NeedRated(Guid NeedId, Guid? TeamId, int Score, string? Comment, DateTimeOffset RatedAt);
