namespace Dispatch.Contracts;

/// <summary>A team graduated from the incubation base (孵化出壳) and may claim orders.</summary>
public sealed record TeamHatched(TeamProfile Team, DateTimeOffset HatchedAt);
