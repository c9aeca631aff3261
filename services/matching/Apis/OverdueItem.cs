namespace Dispatch.Matching.Apis;

/// <summary>An overdue order on the coordinator's list: who holds it and when the sweep releases it unless the team starts it.</summary>
internal sealed record OverdueItem(
    Guid NeedId,
    string Title,
    Guid CommunityId,
    string? CommunityName,
    Guid TeamId,
    string? TeamName,
    DateTimeOffset StartsAt,
    DateTimeOffset OverdueAt,
    DateTimeOffset AutoReleaseAt);
