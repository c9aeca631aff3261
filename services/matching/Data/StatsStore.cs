using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Matching.Data;

/// <summary>
/// The coordinators' figures over orders published in [from, to). "Claimed" means ever claimed
/// (first_claimed_at), so a released or cancelled order that was once taken still counts.
/// </summary>
internal sealed class StatsStore(Database database)
{
    private const string Scope = """
        where o.street_id = @streetId
          and (cast(@communityId as uuid) is null or o.community_id = @communityId)
          and (cast(@from as timestamptz) is null or o.published_at >= @from)
          and (cast(@to as timestamptz) is null or o.published_at < @to)
        """;

    private const string Counts = """
        count(*) as published, count(o.first_claimed_at) as claimed, count(o.completed_at) as completed,
        percentile_cont(0.5) within group (order by extract(epoch from o.first_claimed_at - o.published_at))
            filter (where o.first_claimed_at is not null) as median_seconds_to_claim,
        percentile_cont(0.9) within group (order by extract(epoch from o.first_claimed_at - o.published_at))
            filter (where o.first_claimed_at is not null) as p90_seconds_to_claim
        """;

    public async Task<MatchFigures> MatchRateAsync(Guid streetId, Guid? communityId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var parameters = new { streetId, communityId, from, to };
        var totals = await database.QuerySingleAsync<MatchCounts>($"select null::text as key, {Counts} from orders o {Scope}", parameters, ct);
        var byCommunity = await database.QueryAsync<MatchCounts>($"""
            select o.community_id::text as key, max(c.name) as name, {Counts}
            from orders o left join communities c on c.id = o.community_id
            {Scope}
            group by o.community_id
            order by max(c.name), o.community_id
            """, parameters, ct);
        var byCategory = await database.QueryAsync<MatchCounts>($"""
            select o.category as key, {Counts}
            from orders o
            {Scope}
            group by o.category
            order by count(*) desc, o.category
            """, parameters, ct);
        // A team's orders are those it holds or served; one it released went back to the hall and is no longer its.
        var byTeam = await database.QueryAsync<MatchCounts>($"""
            select o.team_id::text as key, max(t.name) as name, {Counts}
            from orders o left join teams t on t.team_id = o.team_id
            {Scope} and o.team_id is not null
            group by o.team_id
            order by count(*) desc, max(t.name), o.team_id
            """, parameters, ct);
        // ISO weeks starting Monday, in UTC like every stored time.
        var byWeek = await database.QueryAsync<MatchCounts>($"""
            select to_char(date_trunc('week', o.published_at at time zone 'UTC'), 'YYYY-MM-DD') as key, {Counts}
            from orders o
            {Scope}
            group by 1
            order by 1
            """, parameters, ct);
        var residents = await database.QuerySingleAsync<SatisfactionCounts>("""
            select count(*) as ratings, coalesce(sum(r.score), 0) as score_sum, count(*) filter (where r.score >= 4) as favourable
            from resident_ratings r
            where r.street_id = @streetId
              and (cast(@communityId as uuid) is null or r.community_id = @communityId)
              and (cast(@from as timestamptz) is null or r.rated_at >= @from)
              and (cast(@to as timestamptz) is null or r.rated_at < @to)
            """, parameters, ct);
        return new MatchFigures(totals, byCommunity, byCategory, byTeam, byWeek, residents);
    }

    /// <summary>The street's published orders nobody holds yet, oldest first: where the coordinator should look.</summary>
    public async Task<(IReadOnlyList<UnclaimedOrder> Items, long Total)> UnclaimedAsync(Guid streetId, Guid? communityId, Paging paging, CancellationToken ct)
    {
        const string filter = $"""
            where o.street_id = @streetId and o.status = '{OrderStatus.Published}'
              and (cast(@communityId as uuid) is null or o.community_id = @communityId)
            """;
        var parameters = new { streetId, communityId, limit = paging.Size, offset = paging.Offset };
        var items = await database.QueryAsync<UnclaimedOrder>($"""
            select o.need_id, o.title, o.category, o.community_id, c.name as community_name, o.urgency, o.published_at,
                   o.due_at, o.escalation_level, o.target_team_id
            from orders o left join communities c on c.id = o.community_id
            {filter}
            order by o.published_at, o.need_id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from orders o {filter}", parameters, ct);
        return (items, total);
    }
}
