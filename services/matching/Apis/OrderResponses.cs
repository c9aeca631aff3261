using Dispatch.Matching.Domain;

namespace Dispatch.Matching.Apis;

internal sealed record OrderChanged(Guid NeedId, Guid TeamId, string Status);

/// <summary>What a reassignment did: the order, published again, directed to <c>ToTeamId</c> or (null) open in the hall.</summary>
internal sealed record OrderReassignment(Guid NeedId, Guid FromTeamId, Guid? ToTeamId, string Status, long Version);

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
    long Version,
    DateTimeOffset? OverdueAt,
    DateTimeOffset? AutoReleaseAt)
{
    /// <summary>The order as its team sees it; a claimed, unstarted order says when the sweep releases it (its start plus <paramref name="startGrace"/>).</summary>
    public static TeamOrder From(Order o, TimeSpan startGrace) => new(o.NeedId, o.Title, o.Category, o.CommunityId, o.CommunityName, o.Status,
        o.TargetTeamId is not null, o.VolunteersNeeded, o.StartsAt, o.EndsAt, o.ClaimedAt, o.StartedAt, o.CompletedAt,
        o.ServiceHours, o.VolunteersCount, o.Summary, o.Rating, o.Version, o.OverdueAt,
        o.Status == OrderStatus.Claimed ? o.StartsAt + startGrace : null);
}
