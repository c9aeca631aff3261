using Dispatch.Needs.Domain;

namespace Dispatch.Needs.Requests;

/// <summary>
/// The state a resident's tracking page shows: 已受理 (received, or accepted as a draft), 已派单 (published or claimed),
/// 服务中, 已完成, or 已拒绝 (declined, or the need it joined was cancelled or expired) with the reason.
/// </summary>
internal static class ResidentProgress
{
    public const string Received = "received";
    public const string Dispatched = "dispatched";
    public const string InService = "in_service";
    public const string Completed = "completed";
    public const string Declined = "declined";

    public const string CancelledReason = "社区已取消这项服务。如有疑问，请联系社区党支部。";
    public const string ExpiredReason = "在期限内没有服务队伍接单，社区会另行安排并与您联系。";

    public static string Of(ResidentRequest request, string? needStatus) => request.Status switch
    {
        RequestStatus.Declined => Declined,
        RequestStatus.Received => Received,
        _ => needStatus switch
        {
            NeedStatus.Published or NeedStatus.Claimed => Dispatched,
            NeedStatus.InService => InService,
            NeedStatus.Completed or NeedStatus.Closed => Completed,
            NeedStatus.Cancelled or NeedStatus.Expired => Declined,
            _ => Received,
        },
    };

    /// <summary>The reason a declined request shows: the branch's own words, or a fixed one for a need that ended unserved.</summary>
    public static string? ReasonOf(ResidentRequest request, string? needStatus) => request.Status == RequestStatus.Declined
        ? request.DeclineReason
        : needStatus switch
        {
            NeedStatus.Cancelled when request.NeedId is not null => CancelledReason,
            NeedStatus.Expired when request.NeedId is not null => ExpiredReason,
            _ => null,
        };

    /// <summary>Whether the team is named: once a team holds the order, and not for an order that ended unserved.</summary>
    public static bool NamesTeam(string state, string? needStatus) =>
        state is InService or Completed || needStatus == NeedStatus.Claimed;
}
