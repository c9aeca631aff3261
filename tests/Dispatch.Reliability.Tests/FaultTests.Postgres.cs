using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;

namespace Dispatch.Reliability.Tests;

public sealed partial class FaultTests
{
    /// <summary>
    /// PostgreSQL goes down: every request that needs it fails fast with a 503 problem, none leaves a
    /// trace; an event that arrives meanwhile waits for the database instead of being parked as poison;
    /// once PostgreSQL is back the services recover by themselves (no restart) and do the same requests.
    /// </summary>
    [Fact]
    public async Task PostgreSQL_restarted_requests_fail_fast_with_503_none_half_applied_and_the_system_recovers_by_itself()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "postgres");
        var team = street.Teams[0].Client;
        var open = await street.PublishNeedAsync("postgres open");
        await OrderInMatchingAsync(open);
        var draft = (await street.Branch.PostExpectingAsync("/api/needs", NeedBody("postgres draft"))).Id();
        var lateNeed = Guid.NewGuid();
        var during = new List<(string What, ApiResponse? Answer, TimeSpan Took)>();

        await fixture.Servers.StopPostgresAsync();
        try
        {
            async Task TryDuring(string what, Func<Task<ApiResponse>> send)
            {
                var clock = Stopwatch.StartNew();
                during.Add((what, await Street.TryAsync(send), clock.Elapsed));
            }
            await TryDuring("create need", () => street.Branch.PostAsync("/api/needs", NeedBody("postgres outage")));
            await TryDuring("publish draft", () => street.Branch.PostAsync($"/api/needs/{draft}/publish"));
            await TryDuring("claim order", () => team.PostAsync($"/api/orders/{open}/claim"));
            await TryDuring("read need", () => street.Branch.GetAsync($"/api/needs/{open}"));
            await TryDuring("read hall", () => team.GetAsync("/api/orders/hall"));
            await TryDuring("read team", () => street.Admin.GetAsync($"/api/teams/{street.TeamIds[0]}"));

            // An event in flight while the database is down: longer than every bounded retry (50–400 ms) together.
            await fixture.Broker.PublishAsync("NeedPublished", Guid.NewGuid(), NeedPublished(lateNeed, "postgres late event"));
            await Eventually.TrueAsync(async () => (await fixture.Broker.QueueDepthsAsync()).GetValueOrDefault("matching-need-published") == 0,
                TimeSpan.FromSeconds(10), "matching should have taken the event");
            // The fault's length, not a wait for something: the outage outlasts every bounded retry (0.75 s) two times over.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await fixture.Servers.StartPostgresAsync();
        }

        foreach (var (what, answer, took) in during)
            output.WriteLine($"during the outage, {what}: {answer?.Status.ToString() ?? "no answer"} in {took.TotalMilliseconds:F0} ms ({answer?.ContentType})");
        // The service's own 503 (with its problem details), not the gateway's 504 for a service that hung past its 10 s
        // attempt timeout: the request failed at once. How long it took is printed above, never asserted.
        Assert.All(during, d =>
        {
            Assert.True(d.Answer?.Status == HttpStatusCode.ServiceUnavailable, $"{d.What}: expected 503, got {d.Answer}");
            Assert.Equal("application/problem+json", d.Answer!.ContentType);
        });

        // Recovers by itself: the same requests succeed, with no process restarted.
        var recovered = Stopwatch.StartNew();
        await Street.RetryAsync(() => street.Branch.PostAsync($"/api/needs/{draft}/publish"), r => r.Status == HttpStatusCode.OK, "publish after the outage");
        var claim = await Street.RetryAsync(() => team.PostAsync($"/api/orders/{open}/claim"), r => r.Status == HttpStatusCode.OK, "claim after the outage");
        await Street.RetryAsync(() => team.PostAsync($"/api/orders/{draft}/claim"), r => r.Status == HttpStatusCode.OK, "claim of the need published after the outage");
        output.WriteLine($"first successful request {recovered.ElapsedMilliseconds} ms after PostgreSQL was back; claim: {claim.Status}");
        Assert.All(fixture.System.Processes, p => Assert.False(p.HasExited, $"{p.Name} exited"));
        foreach (var process in fixture.System.Processes)
            await DispatchSystem.WaitReadyAsync(process, TimeSpan.FromSeconds(30));

        // None half-applied: the refused create left no need and no event; the refused claim left the order open until the real one.
        await using var needs = new NpgsqlConnection(fixture.System.Database("needs"));
        Assert.Equal(0, await needs.ExecuteScalarAsync<int>("select count(*) from needs where title = 'postgres outage'"));
        Assert.Equal(0, await needs.ExecuteScalarAsync<int>("select count(*) from outbox_messages where body->>'title' = 'postgres outage'"));
        var ledger = await Ledger.SettledAsync(fixture.System, [open, draft], [street.TeamIds[0]]);
        Assert.Equal(2, ledger.Published);
        Assert.True(ledger.Settled, ledger.ToString());
        Assert.Equal(2, ledger.Claimed);
        Assert.Equal(2, ledger.ClaimEventsInOutbox);
        Assert.Equal(2, ledger.ClaimsMirroredInNeeds);
        Assert.Equal(2, ledger.TrackRecordClaims);

        // The event that arrived during the outage was applied once the database was back, not parked.
        await OrderInMatchingAsync(lateNeed);
        var parked = await fixture.Broker.ParkedAsync() - street.ParkedAtSetUp;
        output.WriteLine($"messages sent: 1 during the outage; faults injected: 1 (PostgreSQL stop/start); needs lost: {(ledger.NeedsLost)}; " +
                         $"duplicates applied: {ledger.DuplicatesApplied}; parked: {parked}");
        Assert.Equal(0, parked);
        Assert.Equal(0, ledger.NeedsLost);
        Assert.Equal(0, ledger.DuplicatesApplied);
    }

    private async Task OrderInMatchingAsync(Guid needId)
    {
        await using var matching = new NpgsqlConnection(fixture.System.Database("matching"));
        await Eventually.TrueAsync(async () => await matching.ExecuteScalarAsync<int>("select count(*) from orders where need_id = @needId", new { needId }) == 1,
            TimeSpan.FromSeconds(30), $"need {needId} should become an order in matching");
    }

    private static object NeedBody(string title) => new
    {
        title, description = "fault test", category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
        startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2), beneficiaries = 1,
        address = "1号楼", contactName = "李奶奶", contactPhone = "13900001111",
    };

    /// <summary>A NeedPublished as the needs service writes it (camelCase JSON), for raw deliveries.</summary>
    private static object NeedPublished(Guid needId, string? title) => new
    {
        needId, communityId = Guid.NewGuid(), streetId = Guid.NewGuid(), districtId = Guid.NewGuid(), title, category = "elderly_care",
        skills = new[] { "陪伴聊天" }, volunteersNeeded = 1, startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(1),
        claimDeadline = (DateTime?)null, urgency = "normal", targetTeamId = (Guid?)null, publishedAt = DateTime.UtcNow,
    };
}
