using Dispatch.ServiceDefaults.Data;

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

    public async Task<MatchFigures> MatchRateAsync(Guid streetId, Guid? communityId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var parameters = new { streetId, communityId, from, to };
        var totals = await database.QuerySingleAsync<MatchCounts>($"""
            select null::text as key, count(*) as published, count(o.first_claimed_at) as claimed, count(o.completed_at) as completed,
                   percentile_cont(0.5) within group (order by extract(epoch from o.first_claimed_at - o.published_at))
                       filter (where o.first_claimed_at is not null) as median_seconds_to_claim
            from orders o
            {Scope}
            """, parameters, ct);
        var byCommunity = await database.QueryAsync<MatchCounts>($"""
            select o.community_id::text as key, max(c.name) as name, count(*) as published, count(o.first_claimed_at) as claimed,
                   count(o.completed_at) as completed
            from orders o left join communities c on c.id = o.community_id
            {Scope}
            group by o.community_id
            order by max(c.name), o.community_id
            """, parameters, ct);
        var byCategory = await database.QueryAsync<MatchCounts>($"""
            select o.category as key, count(*) as published, count(o.first_claimed_at) as claimed, count(o.completed_at) as completed
            from orders o
            {Scope}
            group by o.category
            order by count(*) desc, o.category
            """, parameters, ct);
        return new MatchFigures(totals, byCommunity, byCategory);
    }
}
