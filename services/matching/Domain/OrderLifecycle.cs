namespace Dispatch.Matching.Domain;

/// <summary>
/// The one place that says which order transitions are legal. Handlers and consumers ask it for
/// the states an action may start from and the state it leads to, and put both into their
/// conditional updates, so the database applies exactly this table whatever the concurrency.
/// </summary>
internal static class OrderLifecycle
{
    private static readonly Dictionary<OrderAction, (string[] From, string To)> Transitions = new()
    {
        [OrderAction.Claim] = ([OrderStatus.Published], OrderStatus.Claimed),
        [OrderAction.Accept] = ([OrderStatus.Published], OrderStatus.Claimed),
        // A declined directed order stays published but opens to every eligible team.
        [OrderAction.Decline] = ([OrderStatus.Published], OrderStatus.Published),
        // The street's coordinator directs an open order to one team; it stays published, waiting for that team.
        [OrderAction.Direct] = ([OrderStatus.Published], OrderStatus.Published),
        [OrderAction.Release] = ([OrderStatus.Claimed], OrderStatus.Published),
        // A claimed order its team did not start within the grace after its service start goes back to the hall.
        [OrderAction.AutoRelease] = ([OrderStatus.Claimed], OrderStatus.Published),
        [OrderAction.Start] = ([OrderStatus.Claimed], OrderStatus.InService),
        [OrderAction.Complete] = ([OrderStatus.InService], OrderStatus.Completed),
        [OrderAction.Close] = ([OrderStatus.Completed], OrderStatus.Closed),
        // The branch may cancel until the service is completed, so also while a team is serving.
        [OrderAction.Cancel] = ([OrderStatus.Published, OrderStatus.Claimed, OrderStatus.InService], OrderStatus.Cancelled),
        // Past its deadline an unclaimed order widens its reach (EscalationLadder) and stays published, until it expires.
        [OrderAction.Escalate] = ([OrderStatus.Published], OrderStatus.Published),
        [OrderAction.Expire] = ([OrderStatus.Published], OrderStatus.Expired),
        // A coordinator takes an order from a suspended or retired team, held or only directed to it, and publishes
        // it again: directed to another team or open to all.
        // The holder (or the street's coordinator, or the sweep for a silent holder) hands a claimed, unstarted order to the team that asked.
        [OrderAction.Transfer] = ([OrderStatus.Claimed], OrderStatus.Claimed),
        [OrderAction.Reassign] = ([OrderStatus.Published, OrderStatus.Claimed, OrderStatus.InService], OrderStatus.Published),
    };

    public static string[] From(OrderAction action) => Transitions[action].From;

    public static string To(OrderAction action) => Transitions[action].To;

    public static bool Allows(string status, OrderAction action) => Transitions[action].From.Contains(status);

    /// <summary>The state after <paramref name="action"/>, or null when the action is not legal from <paramref name="status"/>.</summary>
    public static string? Next(string status, OrderAction action) => Allows(status, action) ? To(action) : null;

    /// <summary>Whether leaving <paramref name="from"/> by <paramref name="action"/> frees a place in the team's capacity.</summary>
    public static bool FreesCapacity(string from, OrderAction action) =>
        Next(from, action) is { } to && OrderStatus.HoldsCapacity(from) && !OrderStatus.HoldsCapacity(to);
}
