using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Matching.Escalation;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Escalation;

/// <summary>
/// Claims nobody starts and unclaimed orders that run into their own start, swept on the service's database by a clock
/// the test moves (the service's own watch polls with the real clock, for which these orders start hours from now).
/// </summary>
[Collection(EscalationCollection.Name)]
public sealed class StaleClaimsTests(EscalationService service)
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    private DeadlineSweep SweepAt(FakeTimeProvider clock) => ActivatorUtilities.CreateInstance<DeadlineSweep>(service.Services, clock);

    [Fact]
    public async Task A_claimed_order_not_started_at_its_start_is_overdue_then_goes_back_to_the_hall_after_the_grace()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var holder = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var startsAt = clock.GetUtcNow().AddHours(3);
        var needId = await NeedAsync(street, home, startsAt, endsAt: startsAt.AddHours(4));
        Assert.Equal(HttpStatusCode.OK, (await street.As(holder).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        var sweep = SweepAt(clock);

        clock.SetUtcNow(startsAt.AddMinutes(-1));
        await sweep.RunAsync(default);
        Assert.Null(await street.QueryAsync<DateTimeOffset?>("select overdue_at from orders where need_id = @needId", new { needId }));

        clock.SetUtcNow(startsAt.AddMinutes(1));
        await sweep.RunAsync(default);
        await sweep.RunAsync(default);
        var mine = await MineAsync(street.As(holder), needId);
        Assert.Equal("claimed", mine.GetProperty("status").GetString());
        Assert.Equal(startsAt.AddMinutes(1), mine.GetProperty("overdueAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(startsAt + Grace, mine.GetProperty("autoReleaseAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(1L, await EventsAsync(street, needId, nameof(OrderOverdue)));
        var listed = (await street.Coordinator.GetFromJsonAsync<JsonElement>("/api/orders/overdue")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("needId").GetGuid() == needId);
        Assert.Equal((holder.TeamId, "银龄先锋"), (listed.GetProperty("teamId").GetGuid(), listed.GetProperty("teamName").GetString()));

        clock.SetUtcNow(startsAt + Grace);
        await sweep.RunAsync(default);

        Assert.Equal(("published", (Guid?)null), await StateAsync(street, needId));
        Assert.Equal(1L, await EventsAsync(street, needId, nameof(OrderAutoReleased)));
        Assert.Equal(0, await street.QueryAsync<int>(
            "select escalation_level from orders where need_id = @needId", new { needId }));
        Assert.Equal((0, 1, 1), await street.QueryAsync<(int, int, int)>(
            "select open_orders, released_orders, auto_released_orders from teams where team_id = @TeamId", new { holder.TeamId }));
        Assert.DoesNotContain((await street.Coordinator.GetFromJsonAsync<JsonElement>("/api/orders/overdue")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("needId").GetGuid() == needId);
        // Back in the hall until its service time ends: another team may take it.
        Assert.Equal(HttpStatusCode.OK, (await street.As(other).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task An_order_whose_service_time_has_passed_unstarted_goes_to_the_coordinator_not_the_hall()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var holder = await street.TeamAsync(home);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var startsAt = clock.GetUtcNow().AddHours(3);
        var needId = await NeedAsync(street, home, startsAt, endsAt: startsAt.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await street.As(holder).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);

        // The service was down through the whole window: the first sweep after it releases at once.
        clock.SetUtcNow(startsAt + Grace + TimeSpan.FromMinutes(5));
        await SweepAt(clock).RunAsync(default);

        Assert.Equal(("published", (Guid?)null), await StateAsync(street, needId));
        var flagged = (await street.Coordinator.GetFromJsonAsync<JsonElement>("/api/stats/unclaimed")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("needId").GetGuid() == needId);
        Assert.Equal("已报协调员", flagged.GetProperty("escalationLabel").GetString());
        var reason = await street.QueryAsync<string>("""
            select body->>'reason' from outbox_messages where (body->>'needId')::uuid = @needId and message_type like '%OrderAutoReleased%'
            """, new { needId });
        Assert.EndsWith("its service time has passed, the coordinator is alerted", reason);
        Assert.Equal(0L, await EventsAsync(street, needId, nameof(OrderOverdue)));

        // One step window later nobody took it: it expires.
        clock.Advance(TimeSpan.FromHours(12));
        await SweepAt(clock).RunAsync(default);
        Assert.Equal("expired", (await StateAsync(street, needId)).Status);
    }

    [Fact]
    public async Task A_team_holding_overdue_orders_up_to_the_limit_claims_no_more_and_the_hall_says_why()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var team = await street.TeamAsync(home, capacity: 5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var startsAt = clock.GetUtcNow().AddHours(3);
        var stale = await NeedAsync(street, home, startsAt, endsAt: startsAt.AddHours(4));
        var next = await street.NeedAsync(home);
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{stale}/claim", null)).StatusCode);
        clock.SetUtcNow(startsAt.AddMinutes(10));
        await SweepAt(clock).RunAsync(default);

        var hall = await street.As(team).GetFromJsonAsync<JsonElement>("/api/orders/hall");
        Assert.Empty(hall.GetProperty("items").EnumerateArray());
        Assert.Equal((1, 1), (hall.GetProperty("paused").GetProperty("overdueOrders").GetInt32(), hall.GetProperty("paused").GetProperty("overdueLimit").GetInt32()));
        var refused = await street.As(team).PostAsync($"/api/orders/{next}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("overdue", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Starting the late order lifts the pause.
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{stale}/start", null)).StatusCode);
        Assert.False((await street.As(team).GetFromJsonAsync<JsonElement>("/api/orders/hall")).TryGetProperty("paused", out var paused)
                     && paused.ValueKind != JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{next}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task The_overdue_list_is_the_coordinators_own_street()
    {
        var street = new Street(service);
        var other = TestTokens.Coordinator(Guid.NewGuid(), street.DistrictId);

        var refused = await service.ClientWithToken(other).GetAsync($"/api/orders/overdue?streetId={street.StreetId}");
        var asTeam = await street.As(await street.TeamAsync(await street.CommunityAsync("北关"))).GetAsync("/api/orders/overdue");
        var admin = await service.ClientWithToken(TestTokens.Admin()).GetAsync("/api/orders/overdue");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asTeam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
    }

    [Fact]
    public async Task An_unclaimed_order_widens_by_the_lead_before_its_start_and_expires_at_it_with_the_reason()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("东南隅");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var publishedAt = clock.GetUtcNow();
        // Published 30 h ahead: the 24 h window would leave it in the community until 6 h before the start; the 12 h lead comes first.
        var far = await street.NeedAsync(home, publishedAt: publishedAt, startsAt: publishedAt.AddHours(30));
        // Published 4 h ahead: half the notice, 2 h, in the community.
        var near = await street.NeedAsync(home, publishedAt: publishedAt, startsAt: publishedAt.AddHours(4));

        Assert.Equal(publishedAt.AddHours(18), await DueAsync(street, far), TimeSpan.FromMilliseconds(1));
        Assert.Equal(publishedAt.AddHours(2), await DueAsync(street, near), TimeSpan.FromMilliseconds(1));

        clock.SetUtcNow(publishedAt.AddHours(2));
        await SweepAt(clock).RunAsync(default);
        Assert.Equal(1, await street.QueryAsync<int>("select escalation_level from orders where need_id = @near", new { near }));
        // The next step would fall after the start: the start is the next deadline, where it expires.
        Assert.Equal(publishedAt.AddHours(4), await DueAsync(street, near), TimeSpan.FromMilliseconds(1));

        clock.SetUtcNow(publishedAt.AddHours(4));
        await SweepAt(clock).RunAsync(default);
        Assert.Equal("expired", (await StateAsync(street, near)).Status);
        Assert.Equal("expired: unclaimed when its service began", await street.QueryAsync<string>("""
            select body->>'reason' from outbox_messages where (body->>'needId')::uuid = @near and message_type like '%OrderExpired%'
            """, new { near }));
    }

    [Fact]
    public async Task Replicas_sweeping_at_once_release_each_stale_claim_once()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("城港路");
        var team = await street.TeamAsync(home, capacity: 10);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var startsAt = clock.GetUtcNow().AddHours(3);
        var needs = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var needId = await NeedAsync(street, home, startsAt, endsAt: startsAt.AddHours(4));
            Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
            needs.Add(needId);
        }
        clock.SetUtcNow(startsAt + Grace);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAt(clock).RunAsync(default))));

        Assert.Equal(8L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type like '%OrderAutoReleased%' and (body->>'needId')::uuid = any(@ids)",
            new { ids = needs.ToArray() }));
        Assert.Equal((0, 8, 8), await street.QueryAsync<(int, int, int)>(
            "select open_orders, released_orders, auto_released_orders from teams where team_id = @TeamId", new { team.TeamId }));
    }

    private static async Task<Guid> NeedAsync(Street street, Guid community, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var need = street.NewNeed(community, startsAt: startsAt) with { EndsAt = endsAt };
        await street.PublishAsync(need);
        await street.WaitForAsync("select count(*) from orders where need_id = @NeedId", new { need.NeedId });
        return need.NeedId;
    }

    private static async Task<JsonElement> MineAsync(HttpClient team, Guid needId) =>
        (await team.GetFromJsonAsync<JsonElement>("/api/orders/mine")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("needId").GetGuid() == needId);

    private static Task<(string Status, Guid? TeamId)> StateAsync(Street street, Guid needId) =>
        street.QueryAsync<(string, Guid?)>("select status, team_id from orders where need_id = @needId", new { needId });

    private static Task<DateTimeOffset> DueAsync(Street street, Guid needId) =>
        street.QueryAsync<DateTimeOffset>("select due_at from orders where need_id = @needId", new { needId });

    private static Task<long> EventsAsync(Street street, Guid needId, string type) =>
        street.QueryAsync<long>("select count(*) from outbox_messages where (body->>'needId')::uuid = @needId and message_type like @type",
            new { needId, type = $"%{type}%" });
}
