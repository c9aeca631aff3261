using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class OrderProgressTests(MatchingService service)
{
    [Fact]
    public async Task A_released_order_is_back_in_the_hall_and_frees_the_place()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var team = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        var client = street.As(team);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/orders/hall")).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/orders/{needId}/release", new { reason = " " })).StatusCode);
        var released = await client.PostAsJsonAsync($"/api/orders/{needId}/release", new { reason = "人手不够" });

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("published", (await released.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var hall = await client.GetFromJsonAsync<JsonElement>("/api/orders/hall");
        Assert.Equal(needId, hall.GetProperty("items")[0].GetProperty("needId").GetGuid());
        Assert.Equal(0, await street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId }));
    }

    [Fact]
    public async Task The_holding_team_starts_and_completes_the_order()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home);
        var stranger = street.As(await street.TeamAsync(home));
        var needId = await street.NeedAsync(home);
        var client = street.As(team);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        var report = new { serviceHours = 2.5m, volunteersCount = 3, summary = "陪老人聊天两小时" };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync($"/api/orders/{needId}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/orders/{needId}/complete", report)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/orders/{needId}/start", null)).StatusCode);
        var invalid = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new { serviceHours = 0, volunteersCount = 0, summary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("serviceHours", out _) && errors.TryGetProperty("volunteersCount", out _) && errors.TryGetProperty("summary", out _));
        var completed = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", report);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", await street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId }));
        Assert.Equal(2.5m, await street.QueryAsync<decimal>("select service_hours from orders where need_id = @needId", new { needId }));
        Assert.Equal(4L, await street.QueryAsync<long>("select version from orders where need_id = @needId", new { needId }));
        Assert.Equal((0, 1), await street.QueryAsync<(int, int)>("select open_orders, completed_orders from teams where team_id = @TeamId", new { team.TeamId }));
        Assert.Equal(1L, await street.QueryAsync<long>("select count(*) from outbox_messages where message_type = 'OrderCompleted' and body->>'needId' = @id", new { id = needId.ToString() }));
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/orders/mine?status=completed");
        Assert.Equal(needId, mine.GetProperty("items")[0].GetProperty("needId").GetGuid());
    }

    [Fact]
    public async Task Only_the_named_team_accepts_or_declines_a_directed_order_and_a_decline_opens_it()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var named = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var declined = await street.NeedAsync(home, targetTeamId: named.TeamId);
        var accepted = await street.NeedAsync(home, targetTeamId: named.TeamId);
        var client = street.As(named);

        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(other).PostAsync($"/api/orders/{declined}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(other).PostAsync($"/api/orders/{accepted}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/orders/{declined}/decline", new { reason = "时间冲突" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{accepted}/accept", null)).StatusCode);

        var hall = await street.As(other).GetFromJsonAsync<JsonElement>("/api/orders/hall");
        Assert.Equal(declined, hall.GetProperty("items")[0].GetProperty("needId").GetGuid());
        Assert.Equal(named.TeamId, await street.QueryAsync<Guid>("select team_id from orders where need_id = @accepted", new { accepted }));
    }

    [Fact]
    public async Task A_team_that_does_not_hold_the_order_neither_starts_releases_nor_completes_it()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("城港路");
        var holder = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        Assert.Equal(HttpStatusCode.OK, (await street.As(holder).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        var client = street.As(other);

        var release = await client.PostAsJsonAsync($"/api/orders/{needId}/release", new { reason = "不是我们的" });
        var start = await client.PostAsync($"/api/orders/{needId}/start", null);
        Assert.Equal(HttpStatusCode.OK, (await street.As(holder).PostAsync($"/api/orders/{needId}/start", null)).StatusCode);
        var complete = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new { serviceHours = 2, volunteersCount = 1, summary = "冒领" });

        Assert.All([release, start, complete], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(("in_service", holder.TeamId), await street.QueryAsync<(string, Guid)>("select status, team_id from orders where need_id = @needId", new { needId }));
        Assert.Equal(0L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type in ('OrderReleased', 'OrderCompleted') and (body->>'needId')::uuid = @needId", new { needId }));
    }
}
