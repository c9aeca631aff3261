using Dapper;
using Npgsql;

namespace Dispatch.Reliability.Tests;

/// <summary>
/// What every service's database says about a set of needs, read directly with SQL: the needs, their
/// orders, the claims each service recorded, the outbox and inbox rows. "Lost" and "applied twice"
/// are measured here, from the data, never assumed from the answers the requests got.
/// </summary>
public sealed record Ledger(
    int ExpectedClaims,
    int Published,
    int InMatching,
    int StillInHall,
    int Claimed,
    int ClaimsMirroredInNeeds,
    int ClaimedTimelineEntries,
    int TrackRecordClaims,
    int ClaimEventsInOutbox,
    int UnsentOutboxRows,
    int NeedsInboxClaims,
    int TeamsInboxClaims,
    int MatchingInboxPublishes,
    int MostHeldByOneTeam)
{
    /// <summary>Published needs that never became an order in matching.</summary>
    public int NeedsLost => Published - InMatching;

    /// <summary>Claims applied more than once in needs (timeline) or teams (track record), and claim events relayed from more than one claim.</summary>
    public int DuplicatesApplied =>
        Math.Max(0, ClaimedTimelineEntries - Claimed) + Math.Max(0, TrackRecordClaims - Claimed) + Math.Max(0, ClaimEventsInOutbox - Claimed);

    /// <summary>
    /// Everything has arrived everywhere: nothing in flight, nothing lost, nothing doubled; every need claimed but
    /// those the teams had no place left for, which wait in the hall.
    /// </summary>
    public bool Settled =>
        InMatching == Published && Claimed == ExpectedClaims && StillInHall == Published - Claimed && ClaimsMirroredInNeeds == Claimed
        && TrackRecordClaims == Claimed && UnsentOutboxRows == 0 && NeedsInboxClaims == ClaimEventsInOutbox
        && TeamsInboxClaims == ClaimEventsInOutbox && MatchingInboxPublishes >= Published;

    /// <summary>The ledger of <paramref name="needIds"/>, raced for by <paramref name="teamIds"/> with <paramref name="places"/> open orders between them.</summary>
    public static async Task<Ledger> ReadAsync(DispatchSystem system, IReadOnlyCollection<Guid> needIds, IReadOnlyCollection<Guid> teamIds, int places)
    {
        var ids = needIds.ToArray();
        var teams = teamIds.ToArray();
        await using var needs = new NpgsqlConnection(system.Database("needs"));
        await using var matching = new NpgsqlConnection(system.Database("matching"));
        await using var registry = new NpgsqlConnection(system.Database("teams"));

        var published = await needs.ExecuteScalarAsync<int>("select count(*) from needs where id = any(@ids) and status <> 'draft'", new { ids });
        var orders = (await matching.QueryAsync<(Guid NeedId, string Status, Guid? TeamId)>(
            "select need_id, status, team_id from orders where need_id = any(@ids)", new { ids })).ToList();
        var claimed = orders.Where(o => o.Status == "claimed").ToList();
        var mirrored = (await needs.QueryAsync<(Guid Id, Guid? TeamId)>(
            "select id, claimed_by_team_id from needs where id = any(@ids) and status = 'claimed'", new { ids }))
            .Count(n => claimed.Any(o => o.NeedId == n.Id && o.TeamId == n.TeamId));
        var timeline = await needs.ExecuteScalarAsync<int>(
            "select count(*) from need_timeline where need_id = any(@ids) and to_status = 'claimed'", new { ids });
        var trackRecord = await registry.ExecuteScalarAsync<int?>(
            "select sum(orders_claimed)::int from team_track_records where team_id = any(@teams)", new { teams }) ?? 0;

        var claimEvents = (await matching.QueryAsync<Guid>(
            "select message_id from outbox_messages where message_type = 'OrderClaimed' and (body->>'needId')::uuid = any(@ids)", new { ids })).ToArray();
        var publishEvents = (await needs.QueryAsync<Guid>(
            "select message_id from outbox_messages where message_type = 'NeedPublished' and (body->>'needId')::uuid = any(@ids)", new { ids })).ToArray();
        // Only this test's rows: other tests' events may still be on their way.
        var unsent = 0;
        foreach (var connection in new[] { needs, matching })
            unsent += await connection.ExecuteScalarAsync<int>(
                "select count(*) from outbox_messages where sent_at is null and (body->>'needId')::uuid = any(@ids)", new { ids });
        unsent += await registry.ExecuteScalarAsync<int>(
            "select count(*) from outbox_messages where sent_at is null and (body->'team'->>'teamId')::uuid = any(@teams)", new { teams });
        var mostHeld = await matching.ExecuteScalarAsync<int?>("""
            select max(held)::int from (select count(*) as held from orders where team_id = any(@teams) and status in ('claimed', 'in_service') group by team_id) t
            """, new { teams }) ?? 0;

        const string inbox = "select count(*) from inbox_messages where consumer = @consumer and message_id = any(@messages)";
        return new Ledger(
            Math.Min(published, places),
            published,
            orders.Count,
            orders.Count(o => o.Status == "published"),
            claimed.Count,
            mirrored,
            timeline,
            trackRecord,
            claimEvents.Length,
            unsent,
            await needs.ExecuteScalarAsync<int>(inbox, new { consumer = "OrderClaimedConsumer", messages = claimEvents }),
            await registry.ExecuteScalarAsync<int>(inbox, new { consumer = "OrderClaimedConsumer", messages = claimEvents }),
            await matching.ExecuteScalarAsync<int>(inbox, new { consumer = "NeedPublishedConsumer", messages = publishEvents }),
            mostHeld);
    }

    /// <summary>Polls until the ledger settles (or the deadline passes) and returns the last reading.</summary>
    public static async Task<Ledger> SettledAsync(DispatchSystem system, IReadOnlyCollection<Guid> needIds, IReadOnlyCollection<Guid> teamIds,
        TimeSpan? timeout = null, int places = int.MaxValue)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var ledger = await ReadAsync(system, needIds, teamIds, places);
            if (ledger.Settled || DateTime.UtcNow > deadline)
                return ledger;
            await Task.Delay(200);
        }
    }
}
