using Dapper;
using Npgsql;

namespace Dispatch.Reliability.Tests;

/// <summary>
/// Two replicas of every service and of the gateway on one broker and one database each: the clients
/// spread over both gateways, each gateway over both replicas of each service, both outbox relays and
/// both deadline sweeps run at once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ReplicaTests(TwoOfEach fixture, ITestOutputHelper output) : IClassFixture<TwoOfEach>
{
    [Fact]
    public async Task Two_replicas_of_everything_give_each_claim_one_winner_fire_each_deadline_once_and_relay_each_event_once()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "replicas", teamCount: 4, capacity: 5);

        // Needs nobody claims, with a claim deadline seconds away: they climb the ladder (street, district,
        // coordinator alert; a step every 2 s) and expire, while both matching replicas sweep every 0.3 s.
        var unclaimed = new List<Guid>();
        for (var i = 0; i < 6; i++)
            unclaimed.Add(await street.PublishNeedAsync($"replicas deadline #{i + 1}", claimWindow: TimeSpan.FromSeconds(2)));

        var burst = new Burst(street, "replicas");
        await burst.RunAsync(b => b.PublishedAtLeastAsync(30), maxNeeds: 30, after: 0, pace: TimeSpan.FromMilliseconds(50));
        var (ledger, tapped) = await Verdict.NothingLostOrDoubledAsync(fixture, output, street, burst, faultsMayResend: false);

        await using var matching = new NpgsqlConnection(fixture.System.Database("matching"));
        await using var needs = new NpgsqlConnection(fixture.System.Database("needs"));
        await Eventually.TrueAsync(async () =>
            await needs.ExecuteScalarAsync<int>("select count(*) from needs where id = any(@unclaimed) and status = 'expired'", new { unclaimed }) == unclaimed.Count,
            TimeSpan.FromSeconds(60), "every unclaimed need should climb the ladder and expire");
        var deadlineEvents = (await matching.QueryAsync<(Guid MessageId, string Type, Guid NeedId, int? Level)>("""
            select message_id, message_type, (body->>'needId')::uuid, (body->>'level')::int from outbox_messages
            where message_type in ('OrderEscalated', 'OrderExpired') and (body->>'needId')::uuid = any(@unclaimed)
            """, new { unclaimed })).ToList();
        var escalationSteps = await needs.QueryAsync<(Guid NeedId, string Reason, int Count)>("""
            select need_id, reason, count(*)::int from need_timeline
            where need_id = any(@unclaimed) and (reason like 'escalated to level %' or to_status = 'expired')
            group by need_id, reason
            """, new { unclaimed });
        tapped = [.. tapped, .. await fixture.Broker.DrainTapAsync()];
        var deadlinesOnTheWire = tapped.Where(m => m.Type is "OrderEscalated" or "OrderExpired" && m.NeedId is { } n && unclaimed.Contains(n)).ToList();

        var firedTwice = deadlineEvents.GroupBy(e => (e.NeedId, e.Type, e.Level)).Count(g => g.Count() > 1);
        var appliedTwice = escalationSteps.Count(s => s.Count > 1);
        output.WriteLine($"deadlines: {unclaimed.Count} needs x (3 escalations + 1 expiry) = {unclaimed.Count * 4} expected; {deadlineEvents.Count} in matching's outbox, " +
                         $"{deadlinesOnTheWire.Count} on the broker ({deadlinesOnTheWire.Select(m => m.MessageId).Distinct().Count()} distinct); " +
                         $"fired twice: {firedTwice}, applied twice in needs: {appliedTwice}");
        output.WriteLine($"processes: {string.Join(", ", fixture.System.Processes.Select(p => p.Name))}");

        Assert.Equal(unclaimed.Count * 4, deadlineEvents.Count);
        Assert.Equal(0, firedTwice);
        Assert.All(unclaimed, need => Assert.Equal([1, 2, 3], deadlineEvents.Where(e => e.NeedId == need && e.Type == "OrderEscalated").Select(e => e.Level!.Value).Order()));
        Assert.Equal(0, appliedTwice);
        // The outbox relays (two of them) put each event on the broker once.
        Assert.Equal(deadlineEvents.Select(e => e.MessageId).Order(), deadlinesOnTheWire.Select(m => m.MessageId).Order());
        Assert.Equal(0, ledger.DuplicatesApplied);
    }

    /// <summary>Replicas of a service share one queue, so one of them consumes each AccountSessionsEnded: the others read it from their database.</summary>
    [Fact]
    public async Task Every_replica_of_every_service_refuses_a_disabled_accounts_token_within_a_minute()
    {
        await fixture.AllReadyAsync();
        using var street = await new StreetBuilder(fixture.System.Gateway, "replica-sessions").BuildAsync();
        var (accountId, token) = await SessionProbe.CoordinatorOfAsync(street, fixture.System.Gateways[1]);
        Assert.True((await SessionProbe.StatusesAsync(fixture.System, token)).All(System.Net.HttpStatusCode.OK), "every replica should accept the token first");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await street.Admin.PostAsync($"/api/accounts/{accountId}/disable")).Status);

        await SessionProbe.EveryProcessAnswersAsync(fixture.System, token, System.Net.HttpStatusCode.Unauthorized, "every replica should refuse the token");
        output.WriteLine($"refused by: {await SessionProbe.StatusesAsync(fixture.System, token)}");
    }
}
