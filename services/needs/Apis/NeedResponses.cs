using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Auth;

namespace Dispatch.Needs.Apis;

internal sealed record RatingView(int Score, string? Comment);

internal sealed record TimelineItem(DateTimeOffset At, string? FromStatus, string ToStatus, string Actor, string? Reason);

/// <summary>A need as its branch, its coordinator, an admin or the team holding it sees it, contact included.</summary>
internal sealed record NeedView(
    Guid Id,
    string Title,
    string Description,
    string Category,
    int VolunteersNeeded,
    string[] Skills,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ClaimDeadline,
    string Urgency,
    int? Beneficiaries,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    Guid? TargetTeamId,
    Guid CommunityId,
    Guid StreetId,
    string Status,
    Guid? ClaimedByTeamId,
    int EscalationLevel,
    decimal? ServiceHours,
    int? VolunteersCount,
    string? CompletionSummary,
    RatingView? Rating,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? CancelledAt)
{
    public static NeedView Of(Need n) => new(
        n.Id, n.Title, n.Description, n.Category, n.VolunteersNeeded, n.Skills, n.StartsAt, n.EndsAt, n.ClaimDeadline,
        n.Urgency, n.Beneficiaries, n.Address, n.ContactName, n.ContactPhone, n.TargetTeamId, n.CommunityId, n.StreetId,
        n.Status, n.ClaimedByTeamId, n.EscalationLevel, n.ServiceHours, n.VolunteersCount, n.CompletionSummary,
        n.RatingScore is { } score ? new RatingView(score, n.RatingComment) : null, n.CancelReason,
        n.CreatedAt, n.PublishedAt, n.ClaimedAt, n.StartedAt, n.CompletedAt, n.ClosedAt, n.CancelledAt);

    /// <summary>
    /// The need for <paramref name="caller"/> in a list: the contact name, phone and exact address only for the
    /// branch and the street's coordinator (lists are already scoped to their own); an admin runs the system, not
    /// the service, and reads the need without them. A team's read of one need asks <see cref="ContactAccess"/>.
    /// </summary>
    public static NeedView For(Caller caller, Need n) => ListsContact(caller) ? Of(n) : WithoutContact(n);

    /// <summary>Whether <paramref name="caller"/>'s lists show, and so may be searched by, the contact's name and address.</summary>
    public static bool ListsContact(Caller caller) => !caller.IsAdmin;

    public static NeedView WithoutContact(Need n) => Of(n) with { Address = null, ContactName = null, ContactPhone = null };
}

