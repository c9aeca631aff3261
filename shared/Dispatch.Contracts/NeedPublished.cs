namespace Dispatch.Contracts;

/// <summary>
/// A branch published a need as an order (派单); <paramref name="TargetTeamId"/> set for a directed order. Never a
/// resident's contact name, phone or address: those stay in the needs database.
/// </summary>
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
