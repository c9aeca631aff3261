namespace Dispatch.Needs.Domain;

/// <summary>
/// The one place that says which need transitions are legal: the branch's own actions, and how the
/// order's progress reported by the matching service is mirrored. Handlers and consumers ask it and
/// put its answer into their conditional updates; they do not re-decide.
/// </summary>
internal static class NeedLifecycle
{
    private static readonly Dictionary<NeedAction, (string[] From, string To)> BranchTransitions = new()
    {
        // Editing keeps a draft a draft: once published, teams may already be looking at it.
        [NeedAction.Edit] = ([NeedStatus.Draft], NeedStatus.Draft),
        [NeedAction.Publish] = ([NeedStatus.Draft], NeedStatus.Published),
        // Cancel is allowed until the service is completed, also while a team is serving: the
        // matching service cancels the order from the same states and gives the team its place back.
        [NeedAction.Cancel] = ([NeedStatus.Draft, NeedStatus.Published, NeedStatus.Claimed, NeedStatus.InService], NeedStatus.Cancelled),
        [NeedAction.Rate] = ([NeedStatus.Completed], NeedStatus.Closed),
    };

    private static readonly Dictionary<OrderProgress, string?> MirroredStates = new()
    {
        [OrderProgress.Claimed] = NeedStatus.Claimed,
        [OrderProgress.Released] = NeedStatus.Published,
        // A declined directed order stays published; only its target team is cleared.
        [OrderProgress.Declined] = NeedStatus.Published,
        // A coordinator directed it to a team, or the team the branch named may not take it: it stays published.
        [OrderProgress.Directed] = null,
        [OrderProgress.Started] = NeedStatus.InService,
        [OrderProgress.Completed] = NeedStatus.Completed,
        [OrderProgress.Expired] = NeedStatus.Expired,
        // Escalation widens the order's reach; the need keeps its state and records the level.
        [OrderProgress.Escalated] = null,
        // A coordinator took the order from a suspended or retired team: published again, directed to another team or open to all.
        [OrderProgress.Reassigned] = NeedStatus.Published,
        // The claimed order reached its start unstarted: it stays claimed, and the timeline says when it will be released.
        [OrderProgress.Overdue] = null,
        // Its team did not start it in time: published again, open to all.
        [OrderProgress.AutoReleased] = NeedStatus.Published,
        // An approved transfer request: still claimed, by the team that asked.
        [OrderProgress.Transferred] = NeedStatus.Claimed,
    };

    /// <summary>States no order event may move a need out of: a draft has no order; the branch ended the others.</summary>
    private static readonly string[] BeyondTheOrder = [NeedStatus.Draft, NeedStatus.Cancelled, NeedStatus.Closed];

    /// <summary>
    /// Whether the timeline records the event even when it arrives after a newer one (which already set the need's
    /// state): a coordinator's reassignment or an approved transfer is a person's decision with a reason the branch must be able to read;
    /// the other events are the teams' steps, which the newer event supersedes.
    /// </summary>
    public static bool KeptOnTheTimelineWhenLate(OrderProgress progress) => progress is OrderProgress.Reassigned or OrderProgress.Transferred;

    /// <summary>The state <paramref name="progress"/> puts a need in, or null when it leaves the state as it is.</summary>
    public static string? MirroredState(OrderProgress progress) => MirroredStates[progress];

    public static string[] From(NeedAction action) => BranchTransitions[action].From;

    public static string To(NeedAction action) => BranchTransitions[action].To;

    public static bool Allows(string status, NeedAction action) => BranchTransitions[action].From.Contains(status);

    /// <summary>The state after <paramref name="action"/>, or null when the action is not legal from <paramref name="status"/>.</summary>
    public static string? Next(string status, NeedAction action) => Allows(status, action) ? To(action) : null;

    /// <summary>
    /// The state a need takes when the order event of <paramref name="orderVersion"/> arrives, or null when
    /// the event must be ignored: it is not newer than the <paramref name="appliedVersion"/> already
    /// mirrored (a duplicate or a late arrival), or the need is a draft, cancelled or closed.
    /// Events are applied by version, not by arrival, so a completion that overtakes its claim still ends completed.
    /// </summary>
    public static string? Mirror(string status, long appliedVersion, OrderProgress progress, long orderVersion)
    {
        if (orderVersion <= appliedVersion || BeyondTheOrder.Contains(status))
            return null;
        return MirroredStates[progress] ?? status;
    }
}
