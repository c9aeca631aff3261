namespace Dispatch.Matching.Data;

/// <summary>Residents' ratings in a scope: how many, their sum, and how many were favourable (4 or 5).</summary>
internal sealed class SatisfactionCounts
{
    public long Ratings { get; init; }
    public long ScoreSum { get; init; }
    public long Favourable { get; init; }
}
