namespace Dispatch.Matching.Domain;

/// <summary>A row of <c>orders</c>: the public side of a published need, never its resident's details.</summary>
internal sealed record Order
{
    public Guid NeedId { get; init; }
    public Guid CommunityId { get; init; }
    public Guid StreetId { get; init; }
    public Guid DistrictId { get; init; }
    public string? CommunityName { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public string[] Skills { get; init; } = [];
    public int VolunteersNeeded { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset? ClaimDeadline { get; init; }
    public string Urgency { get; init; } = "normal";
    public Guid? TargetTeamId { get; init; }

    /// <summary>The target was chosen by the street's coordinator, whose call the team's service list does not bound.</summary>
    public bool DirectedByCoordinator { get; init; }
    public string Status { get; init; } = OrderStatus.Published;
    public Guid? TeamId { get; init; }
    public long Version { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public decimal? ServiceHours { get; init; }
    public int? VolunteersCount { get; init; }
    public string? Summary { get; init; }
    public int? Rating { get; init; }
    public int EscalationLevel { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the claimed order passed its service start unstarted; null while it is not overdue.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>When the order expires if nobody claims it: its service start, or later after an automatic release.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The team the order is with: the one holding it, or the one a published directed order waits for.</summary>
    public Guid? HolderId => TeamId ?? (Status == OrderStatus.Published ? TargetTeamId : null);
}
