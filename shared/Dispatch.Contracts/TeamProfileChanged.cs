namespace Dispatch.Contracts;

/// <summary>A team's profile changed: its service list, capacity, area or stage.</summary>
public sealed record TeamProfileChanged(TeamProfile Team, DateTimeOffset ChangedAt);
