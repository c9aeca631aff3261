namespace Dispatch.Matching.Apis;

internal sealed record ItemsPage<T>(IReadOnlyList<T> Items, long Total);

internal sealed record OrderChanged(Guid NeedId, Guid TeamId, string Status);

internal sealed record HallItem(
    Guid NeedId,
    string Title,
    string Category,
    Guid CommunityId,
    string? CommunityName,
    int VolunteersNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Score,
    string Reason,
    bool Directed,
    int EscalationLevel);

internal sealed record TeamOrder(
    Guid NeedId,
    string Title,
    string Category,
    Guid CommunityId,
    string? CommunityName,
    string Status,
    bool Directed,
    int VolunteersNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    decimal? ServiceHours,
    int? VolunteersCount,
    string? Summary,
    int? Rating,
    long Version);
