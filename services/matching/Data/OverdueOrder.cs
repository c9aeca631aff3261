namespace Dispatch.Matching.Data;

/// <summary>A claimed order past its service start that its team has not started, for the coordinator's overdue list.</summary>
internal sealed class OverdueOrder
{
    public Guid NeedId { get; init; }
    public string Title { get; init; } = "";
    public Guid CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public Guid TeamId { get; init; }
    public string? TeamName { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset OverdueAt { get; init; }
}
