using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>
/// Keeps each order in step with the branch's need: published opens it, updated re-describes it while it is
/// open, cancelled withdraws it, rated closes it. Each runs in the consumer's unit of work, so it commits with the
/// inbox row; the legal source states come from <see cref="OrderLifecycle"/>.
/// </summary>
internal static class NeedMirror
{
    /// <summary>
    /// Opens <paramref name="order"/> in the hall and returns its version; null when it is already open (a need
    /// published twice stays one order) or its cancellation overtook it (a tombstone), so that it never opens.
    /// </summary>
    public static Task<long?> OpenAsync(UnitOfWork unit, Order order, CancellationToken ct) =>
        unit.QuerySingleOrDefaultAsync<long?>("""
            insert into orders (need_id, community_id, street_id, district_id, title, category, skills, volunteers_needed,
                                starts_at, ends_at, claim_deadline, urgency, target_team_id, status, version, published_at, due_at,
                                expires_at)
            select @NeedId, @CommunityId, @StreetId, @DistrictId, @Title, @Category, @Skills, @VolunteersNeeded,
                   @StartsAt, @EndsAt, @ClaimDeadline, @Urgency, @TargetTeamId, @Status, @Version, @PublishedAt, @DueAt,
                   @ExpiresAt
            where not exists (select 1 from cancelled_needs where need_id = @NeedId)
            on conflict (need_id) do nothing
            returning version
            """, new
        {
            order.NeedId, order.CommunityId, order.StreetId, order.DistrictId, order.Title, order.Category, order.Skills, order.VolunteersNeeded,
            order.StartsAt, order.EndsAt, order.ClaimDeadline, order.Urgency, order.TargetTeamId, order.Status, order.Version,
            order.PublishedAt, order.DueAt, order.ExpiresAt,
        }, ct);

    /// <summary>Only an open order takes the new description; a taken order keeps what the team accepted.</summary>
    public static Task UpdateAsync(UnitOfWork unit, NeedUpdated need, CancellationToken ct) =>
        unit.ExecuteAsync("""
            update orders
            set title = @Title, category = @Category, skills = @Skills, volunteers_needed = @VolunteersNeeded,
                starts_at = @StartsAt, ends_at = @EndsAt, expires_at = @StartsAt, due_at = least(due_at, @StartsAt),
                version = version + 1
            where need_id = @NeedId and status = @Published
            """, new
        {
            need.NeedId, need.Title, need.Category, Skills = need.Skills.ToArray(), need.VolunteersNeeded,
            StartsAt = need.StartsAt.ToUniversalTime(), EndsAt = need.EndsAt.ToUniversalTime(), Published = OrderStatus.Published,
        }, ct);

    /// <summary>
    /// The order leaves the hall, and a team holding it gets its place back; a cancellation that overtook its
    /// NeedPublished leaves a tombstone instead, so the late publish opens no live order.
    /// </summary>
    public static async Task CancelAsync(UnitOfWork unit, NeedCancelled need, CancellationToken ct)
    {
        // The row lock of "for update" makes the state we read the one we change.
        var before = await unit.QuerySingleOrDefaultAsync<Order>(
            "select need_id, status, team_id from orders where need_id = @NeedId for update", new { need.NeedId }, ct);
        var cancelledAt = need.CancelledAt.ToUniversalTime();
        if (before is null)
        {
            await unit.ExecuteAsync(
                "insert into cancelled_needs (need_id, cancelled_at) values (@NeedId, @cancelledAt) on conflict (need_id) do nothing",
                new { need.NeedId, cancelledAt }, ct);
            return;
        }
        if (!OrderLifecycle.Allows(before.Status, OrderAction.Cancel))
            return;

        await unit.ExecuteAsync(
            "update orders set status = @To, cancelled_at = @cancelledAt, version = version + 1 where need_id = @NeedId",
            new { need.NeedId, To = OrderLifecycle.To(OrderAction.Cancel), cancelledAt }, ct);
        if (before.TeamId is { } teamId && OrderLifecycle.FreesCapacity(before.Status, OrderAction.Cancel))
            await TeamCapacity.FreePlaceAsync(unit, teamId, OrderAction.Cancel, ct);
    }

    /// <summary>The branch rated the service: the order closes and the rating joins the team's track record.</summary>
    public static async Task CloseAsync(UnitOfWork unit, NeedRated need, CancellationToken ct)
    {
        var teamId = await unit.QuerySingleOrDefaultAsync<Guid?>("""
            update orders set status = @To, rating = @Score, closed_at = @RatedAt, version = version + 1
            where need_id = @NeedId and status = any(@From)
            returning team_id
            """, new
        {
            need.NeedId, need.Score, RatedAt = need.RatedAt.ToUniversalTime(),
            From = OrderLifecycle.From(OrderAction.Close), To = OrderLifecycle.To(OrderAction.Close),
        }, ct);
        if (teamId is not null)
            await unit.ExecuteAsync(
                "update teams set rating_sum = rating_sum + @Score, rating_count = rating_count + 1 where team_id = @teamId",
                new { need.Score, teamId }, ct);
    }
}
