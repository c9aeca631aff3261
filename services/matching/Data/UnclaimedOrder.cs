namespace Dispatch.Matching.Data;

/// <summary>A published order nobody has taken yet, for the coordinator's "oldest first" list.</summary>
internal sealed class UnclaimedOrder
{
    public Guid NeedId { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public Guid CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public string Urgency { get; init; } = "";
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public int EscalationLevel { get; init; }
    public Guid? TargetTeamId { get; init; }
}
