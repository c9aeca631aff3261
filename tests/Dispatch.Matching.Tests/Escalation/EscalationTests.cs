using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Matching.Escalation;
using Dispatch.Matching.Telemetry;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Escalation;

[Collection(EscalationCollection.Name)]
public sealed class EscalationTests(EscalationService service)
{
    private static readonly TimeSpan Step = TimeSpan.FromHours(12);

    /// <summary>A sweep on the service's database driven by a clock the test moves; the watch's own polling uses the real clock and never sees these orders due.</summary>
    private DeadlineSweep SweepAt(FakeTimeProvider clock) => ActivatorUtilities.CreateInstance<DeadlineSweep>(service.Services, clock);

    [Fact]
    public async Task An_unclaimed_order_widens_to_the_street_then_the_district_then_alerts_the_coordinator_then_expires()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var neighbour = await street.CommunityAsync("光州");
        var elsewhere = await street.CommunityAsync("城港路", streetId: Guid.NewGuid());
        var neighbourTeam = await street.TeamAsync(neighbour);
        var districtTeam = await street.TeamAsync(elsewhere, streetId: await StreetOfAsync(street, elsewhere));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var deadline = clock.GetUtcNow().AddHours(1);
        var needId = await street.NeedAsync(home, claimDeadline: deadline);
        var sweep = SweepAt(clock);

        Assert.Equal(0, await sweep.RunAsync(default));
        Assert.Empty(await HallIdsAsync(street.As(neighbourTeam)));

        clock.SetUtcNow(deadline.AddSeconds(1));
        await sweep.RunAsync(default);
        Assert.Equal(1, await LevelAsync(street, needId));
        Assert.Equal([needId], await HallIdsAsync(street.As(neighbourTeam)));
        var widened = (await street.As(neighbourTeam).GetFromJsonAsync<JsonElement>("/api/orders/hall")).GetProperty("items")[0];
        Assert.Equal(1, widened.GetProperty("escalationLevel").GetInt32());
        Assert.EndsWith("已扩至街道", widened.GetProperty("reason").GetString());
        Assert.Empty(await HallIdsAsync(street.As(districtTeam)));

        clock.Advance(Step);
        await sweep.RunAsync(default);
        Assert.Equal(2, await LevelAsync(street, needId));
        Assert.Equal([needId], await HallIdsAsync(street.As(districtTeam)));

        // The alert: the coordinator's list of unclaimed orders flags it for the coordinator.
        clock.Advance(Step);
        await sweep.RunAsync(default);
        Assert.Equal(3, await LevelAsync(street, needId));
        Assert.Equal("published", await StatusAsync(street, needId));
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));
        var flagged = (await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/unclaimed")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("needId").GetGuid() == needId);
        Assert.Equal((3, "已报协调员"), (flagged.GetProperty("escalationLevel").GetInt32(), flagged.GetProperty("escalationLabel").GetString()));

        clock.Advance(Step);
        await sweep.RunAsync(default);
        Assert.Equal("expired", await StatusAsync(street, needId));
        Assert.Empty(await HallIdsAsync(street.As(districtTeam)));
        Assert.Equal(HttpStatusCode.Conflict, (await street.As(districtTeam).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        // Each step announced once, in order, through the outbox: levels 1, 2, 3, then the expiry.
        Assert.Equal(3L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where (body->>'needId')::uuid = @needId and message_type like '%OrderEscalated%'", new { needId }));
        Assert.Equal(1L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where (body->>'needId')::uuid = @needId and message_type like '%OrderExpired%'", new { needId }));
    }

    [Fact]
    public async Task Without_a_claim_deadline_the_default_window_applies()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var needId = await street.NeedAsync(home, publishedAt: clock.GetUtcNow());
        var sweep = SweepAt(clock);

        clock.Advance(TimeSpan.FromHours(23));
        await sweep.RunAsync(default);
        Assert.Equal(0, await LevelAsync(street, needId));

        clock.Advance(TimeSpan.FromHours(1));
        await sweep.RunAsync(default);
        Assert.Equal(1, await LevelAsync(street, needId));
    }

    [Fact]
    public async Task A_claimed_order_does_not_escalate()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var team = await street.TeamAsync(home);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var needId = await street.NeedAsync(home, claimDeadline: clock.GetUtcNow().AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);

        // Far past its claim deadline, short of its start (two days out), where a claim nobody starts falls due.
        clock.Advance(TimeSpan.FromDays(1.5));
        await SweepAt(clock).RunAsync(default);

        Assert.Equal(0, await LevelAsync(street, needId));
        Assert.Equal("claimed", await StatusAsync(street, needId));
    }

    [Fact]
    public async Task Replicas_sweeping_at_once_move_each_order_exactly_one_step()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("东南隅");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var deadline = clock.GetUtcNow().AddHours(1);
        var needs = new List<Guid>();
        for (var i = 0; i < 10; i++)
            needs.Add(await street.NeedAsync(home, claimDeadline: deadline));
        clock.SetUtcNow(deadline.AddMinutes(1));

        var moved = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAt(clock).RunAsync(default))));

        Assert.True(moved.Sum() >= 10);
        foreach (var needId in needs)
            Assert.Equal(1, await LevelAsync(street, needId));
        Assert.Equal(10L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type like '%OrderEscalated%' and (body->>'needId')::uuid = any(@ids)", new { ids = needs.ToArray() }));
    }

    [Fact]
    public async Task A_directed_order_left_unanswered_opens_to_the_street()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var named = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var deadline = clock.GetUtcNow().AddHours(2);
        var needId = await street.NeedAsync(home, targetTeamId: named.TeamId, claimDeadline: deadline);
        Assert.Empty(await HallIdsAsync(street.As(other)));

        clock.SetUtcNow(deadline);
        await SweepAt(clock).RunAsync(default);

        Assert.Equal([needId], await HallIdsAsync(street.As(other)));
        Assert.Equal(HttpStatusCode.OK, (await street.As(other).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task The_deadline_watch_escalates_an_order_past_its_deadline_on_its_own()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");

        var needId = await street.NeedAsync(home, claimDeadline: DateTimeOffset.UtcNow.AddMinutes(-1));

        await street.WaitForAsync("select count(*) from orders where need_id = @needId and escalation_level = 1", new { needId },
            "the background watch should widen the order to the street");
    }

    private static async Task<Guid> StreetOfAsync(Street street, Guid community) =>
        await street.QueryAsync<Guid>("select street_id from communities where id = @community", new { community });

    private static Task<int> LevelAsync(Street street, Guid needId) =>
        street.QueryAsync<int>("select escalation_level from orders where need_id = @needId", new { needId });

    private static Task<string> StatusAsync(Street street, Guid needId) =>
        street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId });

    private static async Task<List<Guid>> HallIdsAsync(HttpClient client)
    {
        var hall = await client.GetFromJsonAsync<JsonElement>("/api/orders/hall");
        return hall.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("needId").GetGuid()).ToList();
    }
}
