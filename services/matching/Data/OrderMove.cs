using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>
/// The one way an order goes from one team to another: a coordinator's reassignment of a suspended or retired team's
/// order (published again, directed to the new team or open to all) and an approved transfer request (the new team holds
/// it at once). Both take the order only from the team and state they read, free the old team's place if it held one, and
/// judge the new team by the fit of a claim of the open order and a free place.
/// </summary>
internal static class OrderMove
{
    /// <summary>
    /// Why <paramref name="target"/> may not be given <paramref name="order"/> (a title and a detail for a 409), or null;
    /// <paramref name="promised"/> is what its places already owe.
    /// </summary>
    public static (string Title, string Detail)? Refusal(Team target, Order order, long promised)
    {
        // The fit of a claim of the open order: a coordinator's choice or a team's request does not widen what the team serves.
        if (ClaimEligibility.Refusal(target, order with { TargetTeamId = null }) is { } refusal)
            return ("Team may not take this order", $"{target.Name}: {refusal}");
        return promised >= target.Capacity
            ? ("Capacity reached", $"{target.Name} has no free place ({promised}/{target.Capacity}, directed orders awaiting its answer included).")
            : null;
    }

    /// <summary>
    /// Moves the order from <paramref name="fromTeamId"/>, where it is <paramref name="fromStatus"/>, by <paramref name="action"/>
    /// (<see cref="OrderAction.Reassign"/> or <see cref="OrderAction.Transfer"/>) and returns its new version; null when the order is
    /// no longer there or (a transfer) the new team has no place left: then the caller must roll <paramref name="unit"/> back.
    /// </summary>
    public static async Task<long?> MoveAsync(UnitOfWork unit, Guid needId, Guid fromTeamId, string fromStatus, OrderAction action, Guid? toTeamId,
        DateTimeOffset now, DateTimeOffset dueAt, CancellationToken ct)
    {
        var handOver = action == OrderAction.Transfer;
        var version = await unit.QuerySingleOrDefaultAsync<long?>($"""
            update orders
            set status = @To, {(handOver ? "team_id = @toTeamId, target_team_id = null, claimed_at = @now" : "team_id = null, target_team_id = @toTeamId, claimed_at = null, due_at = @dueAt")},
                started_at = null, overdue_at = null, directed_by_coordinator = false, version = version + 1
            where need_id = @needId and status = @fromStatus and status = any(@From)
              and (team_id = @fromTeamId or (team_id is null and target_team_id = @fromTeamId))
            returning version
            """, new
        {
            needId, fromTeamId, fromStatus, toTeamId, now, dueAt = dueAt.ToUniversalTime(),
            From = OrderLifecycle.From(action), To = OrderLifecycle.To(action),
        }, ct);
        if (version is null || (handOver && !await TeamCapacity.TakePlaceAsync(unit, toTeamId!.Value, ct)))
            return null;
        if (OrderStatus.HoldsCapacity(fromStatus))
            await TeamCapacity.FreePlaceAsync(unit, fromTeamId, action, ct);
        return version;
    }
}
