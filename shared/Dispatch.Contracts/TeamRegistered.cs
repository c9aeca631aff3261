namespace Dispatch.Contracts;

/// <summary>A team entered the registry, at the stage its status names (applied, incubating, …).</summary>
public sealed record TeamRegistered(TeamProfile Team, DateTimeOffset RegisteredAt);
