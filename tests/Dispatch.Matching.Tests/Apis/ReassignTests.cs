using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

/// <summary>A coordinator reassigns an order a suspended or retired team holds: to another eligible team as a directed order, or back to the hall.</summary>
[Collection(MatchingCollection.Name)]
public sealed class ReassignTests(MatchingService service)
{
    [Fact]
    public async Task A_suspended_teams_order_goes_to_another_team_as_a_directed_order_which_it_accepts()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var held = await street.TeamAsync(home);
        var next = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        (await street.As(held).PostAsync($"/api/orders/{needId}/claim", null)).EnsureSuccessStatusCode();
        await street.SuspendAsync(held);

        var response = await street.Coordinator.PostAsJsonAsync($"/api/orders/{needId}/reassign", new { teamId = next.TeamId, reason = "原队伍暂停整改" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((held.TeamId, next.TeamId, "published"),
            (body.GetProperty("fromTeamId").GetGuid(), body.GetProperty("toTeamId").GetGuid(), body.GetProperty("status").GetString()));
        Assert.Equal(0, await OpenOrdersAsync(street, held));
        Assert.Equal(("published", next.TeamId), (await StatusAsync(street, needId), await street.QueryAsync<Guid>("select target_team_id from orders where need_id = @needId", new { needId })));
        var reassigned = await street.QueryAsync<string>(
            "select body::text from outbox_messages where message_type = 'OrderReassigned' and body->>'needId' = @id", new { id = needId.ToString() });
        using (var json = JsonDocument.Parse(reassigned))
        {
            var e = json.RootElement;
            Assert.Equal(("claimed", "原队伍暂停整改", "coordinator", 3L),
                (e.GetProperty("fromStatus").GetString(), e.GetProperty("reason").GetString(), e.GetProperty("reassignedBy").GetString(), e.GetProperty("version").GetInt64()));
        }

        // The new team finds it directed to it in its hall, and accepts it.
        var hall = await street.As(next).GetFromJsonAsync<JsonElement>("/api/orders/hall");
        var item = Assert.Single(hall.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("directed").GetBoolean());
        Assert.Empty((await street.As(held).GetFromJsonAsync<JsonElement>("/api/orders/hall")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await street.As(next).PostAsync($"/api/orders/{needId}/accept", null)).StatusCode);
        Assert.Equal(("claimed", 1), (await StatusAsync(street, needId), await OpenOrdersAsync(street, next)));
    }

    [Fact]
    public async Task A_retired_teams_order_in_service_goes_back_to_the_hall_for_every_eligible_team()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var held = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        (await street.As(held).PostAsync($"/api/orders/{needId}/claim", null)).EnsureSuccessStatusCode();
        (await street.As(held).PostAsync($"/api/orders/{needId}/start", null)).EnsureSuccessStatusCode();
        await street.SuspendAsync(held, "retired");

        var response = await street.Coordinator.PostAsJsonAsync($"/api/orders/{needId}/reassign", new { reason = "队伍已解散" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("toTeamId").ValueKind);
        Assert.Equal(0, await OpenOrdersAsync(street, held));
        Assert.Null(await street.QueryAsync<DateTimeOffset?>("select started_at from orders where need_id = @needId", new { needId }));
        var hall = await street.As(other).GetFromJsonAsync<JsonElement>("/api/orders/hall");
        Assert.False(Assert.Single(hall.GetProperty("items").EnumerateArray()).GetProperty("directed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await street.As(other).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task A_directed_order_waiting_for_a_suspended_teams_answer_may_be_reassigned_without_freeing_a_place()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var asked = await street.TeamAsync(home);
        var next = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home, targetTeamId: asked.TeamId);
        await street.SuspendAsync(asked);

        var response = await street.Coordinator.PostAsJsonAsync($"/api/orders/{needId}/reassign", new { teamId = next.TeamId, reason = "原定队伍暂停" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("published", await street.QueryAsync<string>(
            "select body->>'fromStatus' from outbox_messages where message_type = 'OrderReassigned' and body->>'needId' = @id", new { id = needId.ToString() }));
        Assert.Equal(0, await OpenOrdersAsync(street, asked));
    }

    [Fact]
    public async Task Reassigning_is_refused_with_4xx_and_changes_nothing_when_the_rules_say_no()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var elsewhere = await street.CommunityAsync("东南隅", Guid.NewGuid());
        var held = await street.TeamAsync(home);
        var active = await street.TeamAsync(home);
        var wrongCategory = await street.TeamAsync(home, categories: ["legal_aid"]);
        var full = await street.TeamAsync(home, capacity: 1);
        var otherStreets = await street.TeamAsync(elsewhere, area: "district", streetId: await street.QueryAsync<Guid>("select street_id from communities where id = @elsewhere", new { elsewhere }));
        var needId = await street.NeedAsync(home);
        var open = await street.NeedAsync(home);
        var fullsOrder = await street.NeedAsync(home);
        (await street.As(full).PostAsync($"/api/orders/{fullsOrder}/claim", null)).EnsureSuccessStatusCode();
        (await street.As(held).PostAsync($"/api/orders/{needId}/claim", null)).EnsureSuccessStatusCode();
        var version = await VersionAsync(street, needId);

        // While the team is hatched, it keeps its order.
        await Refused(HttpStatusCode.Conflict, street.Coordinator, needId, new { teamId = active.TeamId, reason = "换一支队伍" }, "Team still serving");
        await street.SuspendAsync(held);

        await Refused(HttpStatusCode.BadRequest, street.Coordinator, needId, new { teamId = active.TeamId }, null);
        await Refused(HttpStatusCode.BadRequest, street.Coordinator, needId, new { teamId = held.TeamId, reason = "x" }, null);
        await Refused(HttpStatusCode.BadRequest, street.Coordinator, needId, new { teamId = Guid.NewGuid(), reason = "x" }, null);
        await Refused(HttpStatusCode.BadRequest, street.Coordinator, needId, new { teamId = Guid.Empty, reason = "x" }, null);
        await Refused(HttpStatusCode.Conflict, street.Coordinator, needId, new { teamId = wrongCategory.TeamId, reason = "x" }, "Team may not take this order");
        await Refused(HttpStatusCode.Conflict, street.Coordinator, needId, new { teamId = full.TeamId, reason = "x" }, "Capacity reached");
        await Refused(HttpStatusCode.Forbidden, street.Coordinator, needId, new { teamId = otherStreets.TeamId, reason = "x" }, null);
        await Refused(HttpStatusCode.Conflict, street.Coordinator, open, new { reason = "x" }, "Order not held");
        await Refused(HttpStatusCode.NotFound, street.Coordinator, Guid.NewGuid(), new { reason = "x" }, null);
        await Refused(HttpStatusCode.Forbidden, service.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), street.DistrictId)), needId, new { reason = "x" }, null);
        await Refused(HttpStatusCode.Forbidden, street.As(active), needId, new { reason = "x" }, null);
        await Refused(HttpStatusCode.Forbidden, service.ClientWithToken(TestTokens.Branch(home, street.StreetId, street.DistrictId)), needId, new { reason = "x" }, null);

        Assert.Equal((version, "claimed", 1), (await VersionAsync(street, needId), await StatusAsync(street, needId), await OpenOrdersAsync(street, held)));
        Assert.Equal(0L, await street.QueryAsync<long>("select count(*) from outbox_messages where message_type = 'OrderReassigned' and body->>'needId' = @id", new { id = needId.ToString() }));

        // An admin may, anywhere.
        var admin = service.ClientWithToken(TestTokens.Admin());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/orders/{needId}/reassign", new { teamId = active.TeamId, reason = "管理员改派" })).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_reads_a_teams_orders_of_its_own_street_only()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var team = await street.TeamAsync(home);
        var claimed = await street.NeedAsync(home);
        var directed = await street.NeedAsync(home, targetTeamId: team.TeamId);
        (await street.As(team).PostAsync($"/api/orders/{claimed}/claim", null)).EnsureSuccessStatusCode();

        var orders = await street.Coordinator.GetFromJsonAsync<JsonElement>($"/api/orders?teamId={team.TeamId}");

        Assert.Equal(2, orders.GetProperty("total").GetInt32());
        Assert.Equal(new[] { claimed, directed }.Order(), orders.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("needId").GetGuid()).Order());
        Assert.Equal(1, (await street.Coordinator.GetFromJsonAsync<JsonElement>($"/api/orders?teamId={team.TeamId}&status=claimed")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync("/api/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync($"/api/orders?teamId={team.TeamId}&status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), street.DistrictId)).GetAsync($"/api/orders?teamId={team.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(team).GetAsync($"/api/orders?teamId={team.TeamId}")).StatusCode);
    }

    private static async Task Refused(HttpStatusCode expected, HttpClient client, Guid needId, object body, string? title)
    {
        var response = await client.PostAsJsonAsync($"/api/orders/{needId}/reassign", body);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (title is not null)
            Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private static Task<string> StatusAsync(Street street, Guid needId) =>
        street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId });

    private static Task<long> VersionAsync(Street street, Guid needId) =>
        street.QueryAsync<long>("select version from orders where need_id = @needId", new { needId });

    private static Task<int> OpenOrdersAsync(Street street, Contracts.TeamProfile team) =>
        street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId });
}
