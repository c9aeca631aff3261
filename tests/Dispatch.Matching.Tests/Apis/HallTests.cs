using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class HallTests(MatchingService service)
{
    [Fact]
    public async Task Hall_shows_eligible_orders_and_hides_ineligible_ones()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var neighbour = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home, skills: ["入户探访", "陪伴聊天"]);
        var other = await street.TeamAsync(home);

        var eligible = await street.NeedAsync(home);
        var directedHere = await street.NeedAsync(home, skills: [], targetTeamId: team.TeamId);
        await street.NeedAsync(home, category: "culture", skills: [], targetTeamId: team.TeamId); // a branch's direction outside its service list
        await street.NeedAsync(home, category: "health");
        await street.NeedAsync(home, skills: ["手语"]);
        await street.NeedAsync(neighbour);
        await street.NeedAsync(home, targetTeamId: other.TeamId);

        var hall = await GetHallAsync(street.As(team));

        var ids = hall.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("needId").GetGuid()).ToList();
        Assert.Equal([directedHere, eligible], ids);
        Assert.Equal(2, hall.GetProperty("total").GetInt32());
        var item = hall.GetProperty("items")[1];
        Assert.Equal("汇泉", item.GetProperty("communityName").GetString());
        Assert.Equal("同社区 · 技能全部匹配 · 当前 0/3 单 · 新队伍", item.GetProperty("reason").GetString());
        Assert.InRange(item.GetProperty("score").GetInt32(), 0, 100);
        Assert.False(item.GetProperty("directed").GetBoolean());
        Assert.True(hall.GetProperty("items")[0].GetProperty("directed").GetBoolean());
    }

    [Fact]
    public async Task A_suspended_team_sees_an_empty_hall()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = await street.TeamAsync(home, status: "suspended");
        await street.NeedAsync(home);

        var hall = await GetHallAsync(street.As(team));

        Assert.Equal(0, hall.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_street_wide_team_sees_orders_of_every_community_on_its_street()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var neighbour = await street.CommunityAsync("东南隅");
        var team = await street.TeamAsync(home, area: "street");
        var there = await street.NeedAsync(neighbour);

        var hall = await GetHallAsync(street.As(team));

        var item = Assert.Single(hall.GetProperty("items").EnumerateArray());
        Assert.Equal(there, item.GetProperty("needId").GetGuid());
        Assert.StartsWith("同街道", item.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Hall_is_for_team_accounts_only()
    {
        var street = new Street(service);
        var coordinator = service.ClientWithToken(Dispatch.Testing.TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var response = await coordinator.GetAsync("/api/orders/hall");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> GetHallAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/orders/hall");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("/api/orders/hall?page=0", "page")]
    [InlineData("/api/orders/hall?pageSize=0", "pageSize")]
    [InlineData("/api/orders/hall?pageSize=101", "pageSize")]
    [InlineData("/api/orders/hall?page=2147483647", "page")]
    [InlineData("/api/orders/mine?status=lost", "status")]
    [InlineData("/api/orders/mine?page=-1", "page")]
    [InlineData("/api/orders/mine?pageSize=1000", "pageSize")]
    [InlineData("/api/orders/mine?page=2147483647&pageSize=100", "page")]
    public async Task Bad_paging_or_status_on_the_hall_and_my_orders_gets_400_naming_it(string query, string field)
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("金城");
        var team = await street.TeamAsync(home);

        var response = await street.As(team).GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task The_hall_pages_through_its_orders_best_first_without_repeating_one()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("土山");
        var team = await street.TeamAsync(home);
        var needs = new List<Guid>();
        for (var i = 0; i < 5; i++)
            needs.Add(await street.NeedAsync(home));
        var client = street.As(team);

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await client.GetFromJsonAsync<JsonElement>($"/api/orders/hall?page={page}&pageSize=2"));

        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(needs.Order(), pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("needId").GetGuid()).Order());
    }
}
