namespace Dispatch.Matching.Data;

/// <summary>A row of <c>matching_plans</c>.</summary>
internal sealed class PlanHeader
{
    public Guid Id { get; init; }
    public Guid StreetId { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public int NeedsCount { get; init; }
    public int MatchedCount { get; init; }
    public int TotalScore { get; init; }
}
