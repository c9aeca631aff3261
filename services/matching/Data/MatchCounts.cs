namespace Dispatch.Matching.Data;

/// <summary>One group of the match-rate figures; <see cref="Key"/> is the community or team id, category key or week start.</summary>
internal sealed class MatchCounts
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public long Published { get; init; }
    public long Claimed { get; init; }
    public long Completed { get; init; }
    public double? MedianSecondsToClaim { get; init; }
    public double? P90SecondsToClaim { get; init; }
}
