namespace Dispatch.Matching.Apis;

/// <summary>
/// One page of the hall. <c>Paused</c>, when set, says why the team may claim nothing now (it holds too many overdue
/// orders), and the page is empty until it starts or releases them.
/// </summary>
internal sealed record HallPage(IReadOnlyList<HallItem> Items, long Total, HallPause? Paused = null);

/// <summary>The team holds <c>OverdueOrders</c> overdue orders, at or past its limit of <c>OverdueLimit</c>.</summary>
internal sealed record HallPause(string Reason, int OverdueOrders, int OverdueLimit);
