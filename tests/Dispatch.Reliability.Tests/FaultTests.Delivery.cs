using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using RabbitMQ.Client;

namespace Dispatch.Reliability.Tests;

public sealed partial class FaultTests
{
    /// <summary>
    /// The broker delivers an order's events twice and out of order — the completion before the claim
    /// and the start — straight onto the real exchanges: the needs service ends completed by the right
    /// team, with one timeline entry; the team's track record counts one claim and one completion.
    /// </summary>
    [Fact]
    public async Task Events_delivered_twice_and_out_of_order_end_in_the_right_state()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "order");
        var need = await street.PublishNeedAsync("order need");
        var team = street.TeamIds[0];
        var at = DateTimeOffset.UtcNow;
        var completed = (Id: Guid.NewGuid(), Message: (object)new { needId = need, teamId = team, serviceHours = 2.5m, volunteersCount = 3, summary = "done", completedAt = at.AddHours(2), version = 4L });
        var claimed = (Id: Guid.NewGuid(), Message: (object)new { needId = need, teamId = team, claimedAt = at, version = 2L });
        var started = (Id: Guid.NewGuid(), Message: (object)new { needId = need, teamId = team, startedAt = at.AddHours(1), version = 3L });

        // Completion first, twice, and handled; then the older claim (twice) and start. (The events travel on
        // different queues, so only waiting for the completion to be handled makes it arrive first for sure.)
        var deliveries = new[] { ("OrderCompleted", completed), ("OrderCompleted", completed), ("OrderClaimed", claimed), ("OrderClaimed", claimed), ("OrderStarted", started) };
        await using var needs = new NpgsqlConnection(fixture.System.Database("needs"));
        await using var teams = new NpgsqlConnection(fixture.System.Database("teams"));
        foreach (var (contract, (id, message)) in deliveries.Take(2))
            await fixture.Broker.PublishAsync(contract, id, message);
        await Eventually.TrueAsync(async () =>
            await needs.ExecuteScalarAsync<int>("select count(*) from inbox_messages where message_id = @Id", new { completed.Id }) == 1,
            TimeSpan.FromSeconds(30), "the completion should be handled first");
        foreach (var (contract, (id, message)) in deliveries.Skip(2))
            await fixture.Broker.PublishAsync(contract, id, message);

        var ids = new[] { completed.Id, claimed.Id, started.Id };
        // Settled: every message was handled by both consumers of it (needs 3, teams 2: it does not count starts).
        await Eventually.TrueAsync(async () =>
            await needs.ExecuteScalarAsync<int>("select count(*) from inbox_messages where message_id = any(@ids)", new { ids }) == 3
            && await teams.ExecuteScalarAsync<int>("select count(*) from inbox_messages where message_id = any(@ids)", new { ids }) == 2
            && (await fixture.Broker.QueueDepthsAsync()).Values.All(v => v == 0), TimeSpan.FromSeconds(30), "every delivery should be handled");

        var state = await needs.QuerySingleAsync<(string Status, long OrderVersion, Guid? ClaimedByTeamId, decimal? ServiceHours)>(
            "select status, order_version, claimed_by_team_id, service_hours from needs where id = @need", new { need });
        var timeline = (await needs.QueryAsync<string>("select to_status from need_timeline where need_id = @need order by id", new { need })).ToList();
        var record = await teams.QuerySingleAsync<(int Claimed, int Completed, decimal Hours)>(
            "select orders_claimed, orders_completed, service_hours from team_track_records where team_id = @team", new { team });
        var applied = timeline.Count(s => s is "claimed" or "in_service" or "completed") + record.Claimed + record.Completed;
        output.WriteLine($"messages sent: {deliveries.Length} (2 duplicates, completion before claim and start); need: {state}; timeline: {string.Join(" > ", timeline)}; track record: {record}");
        output.WriteLine($"duplicates applied: {applied - 3} (1 timeline step + 1 claim + 1 completion expected)");

        Assert.Equal(("completed", 4L, (Guid?)team, (decimal?)2.5m), state);
        Assert.Equal(["draft", "published", "completed"], timeline);
        Assert.Equal((1, 1, 2.5m), record);
    }

    /// <summary>
    /// A message that can never be handled is retried a bounded number of times, parked in the
    /// endpoint's error queue and shown in /health/ready (Degraded, still serving), while the messages
    /// behind it on the same queue are handled.
    /// </summary>
    [Fact]
    public async Task A_poison_message_is_retried_a_bounded_number_of_times_parked_shown_in_health_and_the_ones_behind_it_flow()
    {
        await fixture.AllReadyAsync();
        var poison = Guid.NewGuid();
        var behind = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        // A NeedPublished without a title: the orders table refuses it, every time (PostgreSQL logs each attempt).
        const string refusal = "null value in column \"title\" of relation \"orders\" violates not-null constraint";
        var refusedBefore = FaultServers.PostgresLogLines(refusal);
        await fixture.Broker.PublishAsync("NeedPublished", Guid.NewGuid(), NeedPublished(poison, title: null));
        foreach (var need in behind)
            await fixture.Broker.PublishAsync("NeedPublished", Guid.NewGuid(), NeedPublished(need, "behind the poison"));

        foreach (var need in behind)
            await OrderInMatchingAsync(need);
        var depths = await Eventually.ReturnsAsync(() => fixture.Broker.QueueDepthsAsync(),
            d => d.GetValueOrDefault("matching-need-published_error") == 1, TimeSpan.FromSeconds(30), "the poison message should be parked");

        // Readiness names its checks only to an admin: the gateway's token is good at every service.
        using var admin = await GatewayClient.SignInAsync(fixture.System.Gateway, "admin", DispatchSystem.AdminPassword);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin.Token);
        var health = await Eventually.ReturnsAsync(async () => await http.GetAsync(new Uri(fixture.System.Process("matching").BaseAddress, "/health/ready")),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        var body = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        var errorQueues = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "error-queues")!;

        var attempts = FaultServers.PostgresLogLines(refusal) - refusedBefore;
        await using (var connection = await new ConnectionFactory { Uri = new Uri(fixture.System.Broker) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var parked = await channel.BasicGetAsync("matching-need-published_error", autoAck: true);
            Assert.NotNull(parked);
            var reason = parked.BasicProperties.Headers?["MT-Fault-Message"] is byte[] text ? System.Text.Encoding.UTF8.GetString(text) : null;
            Assert.Contains("violates not-null constraint", reason);
            Assert.Contains(poison.ToString(), System.Text.Encoding.UTF8.GetString(parked.Body.Span));
        }
        await using var matching = new NpgsqlConnection(fixture.System.Database("matching"));
        var applied = await matching.ExecuteScalarAsync<int>("select count(*) from orders where need_id = @poison", new { poison });

        output.WriteLine($"messages sent: {1 + behind.Count} (1 poison); health: {errorQueues.ToJsonString()}; attempts at the poison: {attempts} (1 + 4 retries); " +
                         $"handled behind it: {behind.Count}; poison applied: {applied}");
        Assert.Equal("Degraded", body["status"]!.GetValue<string>());
        Assert.Equal("Degraded", errorQueues["status"]!.GetValue<string>());
        Assert.Contains("1 in matching-need-published_error", errorQueues["description"]!.GetValue<string>());
        Assert.Equal(1 + FaultSystem.Settings.Keys.Count(k => k.StartsWith("Messaging__RetryIntervalsMs", StringComparison.Ordinal)), attempts);
        Assert.Equal(0, applied);
        Assert.Equal(1u, depths["matching-need-published_error"]);
    }
}
