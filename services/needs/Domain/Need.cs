namespace Dispatch.Needs.Domain;

/// <summary>A row of <c>needs</c>: the branch's request with its resident's details, and the mirrored order state.</summary>
internal sealed class Need
{
    public Guid Id { get; init; }
    public Guid CommunityId { get; init; }
    public Guid StreetId { get; init; }
    public Guid DistrictId { get; init; }
    public Guid CreatedBy { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public int VolunteersNeeded { get; init; }
    public string[] Skills { get; init; } = [];
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset? ClaimDeadline { get; init; }
    public string Urgency { get; init; } = NeedContent.Normal;
    public int? Beneficiaries { get; init; }
    public string? Address { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public Guid? TargetTeamId { get; init; }
    public string Status { get; init; } = NeedStatus.Draft;
    public Guid? ClaimedByTeamId { get; init; }
    public long OrderVersion { get; init; }
    public int EscalationLevel { get; init; }
    public decimal? ServiceHours { get; init; }
    public int? VolunteersCount { get; init; }
    public string? CompletionSummary { get; init; }
    public int? RatingScore { get; init; }
    public string? RatingComment { get; init; }
    public string? CancelReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
}
