namespace Dispatch.Matching.Apis;

internal sealed record UnclaimedItem(
    Guid NeedId,
    string Title,
    string Category,
    Guid CommunityId,
    string? CommunityName,
    string Urgency,
    DateTimeOffset PublishedAt,
    DateTimeOffset? DueAt,
    int EscalationLevel,
    string EscalationLabel,
    bool Directed,
    long WaitingSeconds);
