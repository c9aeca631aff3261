namespace Dispatch.Contracts;

/// <summary>A team was suspended, or retired (its status says which).</summary>
public sealed record TeamSuspended(TeamProfile Team, string? Reason, DateTimeOffset SuspendedAt);
