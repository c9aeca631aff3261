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
        await street.ClaimedAfterPublishingAsync(first, TimeSpan.FromSeconds(500));
        await street.ClaimedAfterPublishingAsync(second, TimeSpan.FromSeconds(700));
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var stats = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/match-rate");

        Assert.Equal(3, stats.GetProperty("published").GetInt32());
        Assert.Equal(2, stats.GetProperty("claimed").GetInt32());
        Assert.Equal(0, stats.GetProperty("completed").GetInt32());
        Assert.Equal(0.6667, stats.GetProperty("matchRate").GetDouble());
        Assert.Equal(600, stats.GetProperty("medianSecondsToClaim").GetDouble());
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

    [Theory]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task A_figures_window_that_ends_before_it_starts_gets_400_naming_to(string window, string field)
    {
        var street = new Street(service);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        foreach (var path in new[] { "/api/stats/match-rate", "/api/stats/match-rate.csv" })
        {
            var response = await coordinator.GetAsync($"{path}?{window}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Theory]
    [InlineData("/api/stats/match-rate?from=yesterday")]
    [InlineData("/api/stats/match-rate?to=2026-13-45")]
    [InlineData("/api/stats/unclaimed?page=abc")]
    public async Task A_figures_parameter_that_is_not_a_time_or_a_number_gets_a_400_problem(string query)
    {
        var street = new Street(service);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var response = await coordinator.GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_window_counts_only_the_orders_published_inside_it()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("芝罘");
        await street.NeedAsync(home, publishedAt: new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero));
        await street.NeedAsync(home, publishedAt: new DateTimeOffset(2025, 3, 20, 8, 0, 0, TimeSpan.Zero));
        await street.NeedAsync(home, publishedAt: new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)); // "to" is exclusive
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var march = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/match-rate?from=2025-03-15T00:00:00Z&to=2025-04-01T00:00:00Z");

        Assert.Equal(1, march.GetProperty("published").GetInt32());
    }

    [Fact]
    public async Task A_coordinator_lists_only_its_own_streets_unclaimed_orders()
    {
        var street = new Street(service);
        var other = new Street(service);
        var home = await street.CommunityAsync("牟平");
        var away = await other.CommunityAsync("福山");
        var ours = await street.NeedAsync(home);
        var theirs = await other.NeedAsync(away);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var own = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/unclaimed?pageSize=100");
        var askedForTheirs = await coordinator.GetAsync($"/api/stats/unclaimed?streetId={other.StreetId}");
        var theirCommunity = await coordinator.GetFromJsonAsync<JsonElement>($"/api/stats/unclaimed?communityId={away}");

        Assert.Equal([ours], own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("needId").GetGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, askedForTheirs.StatusCode);
        Assert.DoesNotContain(theirCommunity.GetProperty("items").EnumerateArray(), i => i.GetProperty("needId").GetGuid() == theirs);
        Assert.Equal(0, theirCommunity.GetProperty("total").GetInt32());
    }
}
