namespace Dispatch.Matching.Data;

/// <summary>A row of a stored plan with the names a coordinator reads.</summary>
internal sealed class PlanLine
{
    public Guid NeedId { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public Guid CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public int? Score { get; init; }
    public string? Reason { get; init; }
}
