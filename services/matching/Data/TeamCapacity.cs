using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>
/// The team's places, matching's own columns of the teams read model. <c>claim_order</c> (migration 0009) takes a
/// place; every way an order leaves its team's hands gives it back here, and a release (automatic or not) or a completion joins
/// the team's track record in the same statement.
/// </summary>
internal static class TeamCapacity
{
    /// <summary>Takes a place for a hatched team with one free; false (nothing changed) otherwise.</summary>
    public static async Task<bool> TakePlaceAsync(UnitOfWork unit, Guid teamId, CancellationToken ct) =>
        await unit.ExecuteAsync(
            "update teams set open_orders = open_orders + 1 where team_id = @teamId and status = @Hatched and open_orders < capacity",
            new { teamId, Team.Hatched }, ct) == 1;

    public static Task FreePlaceAsync(UnitOfWork unit, Guid teamId, OrderAction action, CancellationToken ct) =>
        unit.ExecuteAsync("""
            update teams
            set open_orders = greatest(open_orders - 1, 0),
                released_orders = released_orders + @Released, auto_released_orders = auto_released_orders + @AutoReleased,
                completed_orders = completed_orders + @Completed
            where team_id = @TeamId
            """, new
        {
            TeamId = teamId,
            // An automatic release is a release the team did not ask for: it counts as both.
            Released = action is OrderAction.Release or OrderAction.AutoRelease ? 1 : 0,
            AutoReleased = action == OrderAction.AutoRelease ? 1 : 0,
            Completed = action == OrderAction.Complete ? 1 : 0,
        }, ct);
}
