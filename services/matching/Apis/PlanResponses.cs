namespace Dispatch.Matching.Apis;

/// <summary>A matching-meeting plan as the coordinator reviews it.</summary>
internal sealed record PlanView(
    Guid Id,
    Guid StreetId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    int NeedsCount,
    int MatchedCount,
    int TotalScore,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<PlanItem> Unmatched);

internal sealed record PlanItem(
    Guid NeedId,
    string Title,
    string Category,
    Guid CommunityId,
    string? CommunityName,
    Guid? TeamId,
    string? TeamName,
    int? Score,
    string? Reason);

/// <summary>What confirming did: the orders now directed, and the planned ones that had changed meanwhile and were left alone.</summary>
internal sealed record PlanConfirmed(Guid Id, string Status, IReadOnlyList<Guid> Directed, IReadOnlyList<Guid> Skipped);

internal sealed record CreatePlanRequest(Guid? StreetId);
