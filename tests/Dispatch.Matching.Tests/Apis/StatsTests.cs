using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class StatsTests(MatchingService service)
{
    [Fact]
    public async Task Match_rate_counts_published_and_claimed_orders_of_the_street()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var neighbour = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home, area: "street", capacity: 5);
        var publishedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var first = await street.NeedAsync(home, publishedAt: publishedAt);
        var second = await street.NeedAsync(neighbour, publishedAt: publishedAt);
        await street.NeedAsync(neighbour, category: "health", publishedAt: publishedAt);
        await street.NeedAsync(home, streetId: Guid.NewGuid(), publishedAt: publishedAt); // another street: not counted
        var client = street.As(team);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{first}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{second}/claim", null)).StatusCode);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var stats = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/match-rate");

        Assert.Equal(3, stats.GetProperty("published").GetInt32());
        Assert.Equal(2, stats.GetProperty("claimed").GetInt32());
        Assert.Equal(0, stats.GetProperty("completed").GetInt32());
        Assert.Equal(0.6667, stats.GetProperty("matchRate").GetDouble());
        Assert.InRange(stats.GetProperty("medianSecondsToClaim").GetDouble(), 500, 700);
        var communities = stats.GetProperty("byCommunity").EnumerateArray().ToDictionary(c => c.GetProperty("communityName").GetString()!);
        Assert.Equal(0.5, communities["光州"].GetProperty("matchRate").GetDouble());
        Assert.Equal(1.0, communities["汇泉"].GetProperty("matchRate").GetDouble());
        var health = stats.GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "health");
        Assert.Equal("医疗健康", health.GetProperty("categoryName").GetString());
        Assert.Equal(0, health.GetProperty("claimed").GetInt32());
    }

    [Fact]
    public async Task A_window_with_no_orders_gives_zero_and_no_median()
    {
        var street = new Street(service);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var stats = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/match-rate?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");

        Assert.Equal(0, stats.GetProperty("published").GetInt32());
        Assert.Equal(0, stats.GetProperty("matchRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("medianSecondsToClaim").ValueKind);
    }

    [Fact]
    public async Task A_branch_sees_only_its_own_community()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var neighbour = await street.CommunityAsync("东南隅");
        await street.NeedAsync(home);
        await street.NeedAsync(neighbour);
        var branch = service.ClientWithToken(TestTokens.Branch(home, street.StreetId, street.DistrictId));

        var stats = await branch.GetFromJsonAsync<JsonElement>("/api/stats/match-rate");

        Assert.Equal(1, stats.GetProperty("published").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync($"/api/stats/match-rate?communityId={neighbour}")).StatusCode);
    }

    [Fact]
    public async Task Teams_and_other_streets_are_refused_and_admin_must_name_a_street()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = street.As(await street.TeamAsync(home));
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));
        var admin = service.ClientWithToken(TestTokens.Admin());

        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/stats/match-rate")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/stats/match-rate?streetId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/stats/match-rate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/stats/match-rate?streetId={street.StreetId}")).StatusCode);
    }
}
