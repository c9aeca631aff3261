namespace Dispatch.Matching.Data;

/// <summary>What the completing update reads back for the completion event.</summary>
internal sealed class CompletedOrder
{
    public long Version { get; init; }
    public string Category { get; init; } = "";
    public Guid CommunityId { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
}
