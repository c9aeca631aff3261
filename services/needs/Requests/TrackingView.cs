using Dispatch.Contracts;

namespace Dispatch.Needs.Requests;

/// <summary>
/// What anyone holding the tracking code reads: the request's state, and the serving team's name. Nothing that names
/// the resident (not even their own description) and nothing about volunteers, since a link is easily passed on.
/// </summary>
internal sealed record TrackingView(
    string State,
    string Category,
    string CategoryName,
    string CommunityName,
    DateTimeOffset FiledAt,
    DateTimeOffset WantedAt,
    string? TeamName,
    string? DeclineReason,
    bool CanRate,
    int? ResidentScore,
    DateTimeOffset? RatedAt)
{
    public static TrackingView Of(TrackedRequest tracked)
    {
        var (request, needStatus) = (tracked.Request, tracked.NeedStatus);
        var state = ResidentProgress.Of(request, needStatus);
        return new TrackingView(state, request.Category, ServiceCategories.Names.GetValueOrDefault(request.Category, request.Category),
            tracked.CommunityName, request.CreatedAt, request.WantedAt,
            ResidentProgress.NamesTeam(state, needStatus) ? tracked.TeamName : null,
            ResidentProgress.ReasonOf(request, needStatus),
            state == ResidentProgress.Completed && request.ResidentScore is null, request.ResidentScore, request.RatedAt);
    }
}
