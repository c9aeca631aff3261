namespace Dispatch.Contracts;

// Events of the needs service. They never carry a resident's contact name, phone or address:
// those stay in the needs database and are shown only to who must see them.

/// <summary>A branch published a need as an order (派单); <paramref name="TargetTeamId"/> set for a directed order.</summary>
public sealed record NeedPublished(
    Guid NeedId,
    Guid CommunityId,
    Guid StreetId,
    Guid DistrictId,
    string Title,
    string Category,
    IReadOnlyList<string> Skills,
    int VolunteersNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ClaimDeadline,
    string Urgency,
    Guid? TargetTeamId,
    DateTimeOffset PublishedAt);

/// <summary>A need's public description changed.</summary>
public sealed record NeedUpdated(
    Guid NeedId,
    string Title,
    string Category,
    IReadOnlyList<string> Skills,
    int VolunteersNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt);

/// <summary>The branch cancelled a need before it was completed.</summary>
public sealed record NeedCancelled(Guid NeedId, string Reason, DateTimeOffset CancelledAt);

/// <summary>The branch rated the service (评单); the need is closed.</summary>
public sealed record NeedRated(Guid NeedId, Guid? TeamId, int Score, string? Comment, DateTimeOffset RatedAt);
