using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Data;

/// <summary>
/// The matching meeting's data: what is open on a street and who has room, the stored plan, and
/// its confirmation, which turns each planned order into a directed order in one transaction.
/// </summary>
internal sealed class PlanStore(Database database, IOptions<EscalationOptions> escalation)
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";

    /// <summary>The street's published orders not yet directed to anyone: what the meeting shares out.</summary>
    public Task<IReadOnlyList<Order>> OpenNeedsAsync(Guid streetId, CancellationToken ct) =>
        database.QueryAsync<Order>($"""
            select o.need_id, o.community_id, o.street_id, o.district_id, c.name as community_name, o.title, o.category, o.skills,
                   o.volunteers_needed, o.starts_at, o.ends_at, o.urgency, o.status, o.version, o.published_at, o.escalation_level
            from orders o left join communities c on c.id = o.community_id
            where o.street_id = @streetId and o.status = '{OrderStatus.Published}' and o.target_team_id is null
            order by o.published_at, o.need_id
            """, new { streetId }, ct);

    /// <summary>
    /// Hatched teams of the districts those needs lie in. A directed order still waiting for its
    /// team's answer counts as taken here, so the plan never promises the same place twice.
    /// </summary>
    public Task<IReadOnlyList<Team>> TeamsAsync(Guid streetId, CancellationToken ct) =>
        database.QueryAsync<Team>($"""
            select t.team_id, t.name, t.community_id, t.street_id, t.district_id, t.categories, t.skills, t.service_area,
                   t.capacity, t.status, t.hatched_at, t.completed_orders, t.released_orders, t.rating_sum, t.rating_count,
                   t.open_orders + (select count(*) from orders d where d.target_team_id = t.team_id and d.status = '{OrderStatus.Published}') as open_orders
            from teams t
            where t.status = '{Team.Hatched}'
              and t.district_id in (select distinct district_id from orders where street_id = @streetId and status = '{OrderStatus.Published}')
            order by t.team_id
            """, new { streetId }, ct);

    public async Task<Guid> SaveAsync(Guid streetId, Guid? createdBy, IReadOnlyList<Order> needs, MeetingPlan plan,
        IReadOnlyDictionary<Guid, string> reasons, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var teamOf = plan.Assignments.ToDictionary(a => a.NeedId);
        await using var unit = await database.BeginAsync(ct);
        await unit.ExecuteAsync("""
            insert into matching_plans (id, street_id, status, created_by, created_at, needs_count, matched_count, total_score)
            values (@id, @streetId, @Proposed, @createdBy, @now, @needsCount, @matchedCount, @totalScore)
            """, new { id, streetId, Proposed, createdBy, now = now.ToUniversalTime(), needsCount = needs.Count, matchedCount = plan.Assignments.Count, totalScore = plan.TotalScore }, ct);
        await unit.ExecuteAsync("""
            insert into matching_plan_items (plan_id, need_id, team_id, score, reason, order_version)
            select @id, * from unnest(@needIds, @teamIds, @scores, @reasons, @versions)
            """, new
        {
            id,
            needIds = needs.Select(n => n.NeedId).ToArray(),
            teamIds = needs.Select(n => teamOf.TryGetValue(n.NeedId, out var a) ? a.TeamId : (Guid?)null).ToArray(),
            scores = needs.Select(n => teamOf.TryGetValue(n.NeedId, out var a) ? a.Score : (int?)null).ToArray(),
            reasons = needs.Select(n => reasons.GetValueOrDefault(n.NeedId)).ToArray(),
            versions = needs.Select(n => n.Version).ToArray(),
        }, ct);
        await unit.CommitAsync(ct);
        return id;
    }

    public Task<PlanHeader?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<PlanHeader>("select * from matching_plans where id = @id", new { id }, ct);

    public Task<IReadOnlyList<PlanLine>> LinesAsync(Guid id, CancellationToken ct) =>
        database.QueryAsync<PlanLine>("""
            select i.need_id, o.title, o.category, o.community_id, c.name as community_name, i.team_id, t.name as team_name, i.score, i.reason
            from matching_plan_items i
            join orders o on o.need_id = i.need_id
            left join communities c on c.id = o.community_id
            left join teams t on t.team_id = i.team_id
            where i.plan_id = @id
            order by i.team_id is null, c.name, o.published_at, i.need_id
            """, new { id }, ct);

    /// <summary>
    /// Confirms a proposed plan: each planned order still open and unchanged since planning becomes a
    /// directed order to its team (version bumped, a fresh answer window), the coordinator's direction, which the
    /// need's timeline is told of; returns the needs directed, or null when the plan was already confirmed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>?> ConfirmAsync(Guid id, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var confirmed = await unit.ExecuteAsync(
            "update matching_plans set status = @Confirmed, confirmed_at = @now where id = @id and status = @Proposed",
            new { id, now = now.ToUniversalTime(), Confirmed, Proposed }, ct);
        if (confirmed == 0)
            return null;
        var directed = await unit.QueryAsync<(Guid NeedId, Guid TeamId, long Version)>($"""
            update orders o
            set target_team_id = i.team_id, directed_by_coordinator = true, version = o.version + 1, due_at = @dueAt
            from matching_plan_items i
            where i.plan_id = @id and i.team_id is not null and o.need_id = i.need_id
              and o.status = '{OrderStatus.Published}' and o.target_team_id is null and o.version = i.order_version
            returning o.need_id, o.target_team_id, o.version
            """, new { id, dueAt = now.ToUniversalTime() + escalation.Value.DefaultClaimWindow }, ct);
        foreach (var (needId, teamId, version) in directed)
            await unit.PublishAsync(new OrderDirected(needId, teamId, actor, $"directed to team {teamId} by the matching meeting", now, version), ct);
        await unit.CommitAsync(ct);
        return directed.Select(d => d.NeedId).ToList();
    }
}
