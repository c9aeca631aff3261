using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class FiguresTests(MatchingService service)
{
    [Fact]
    public async Task Figures_give_the_90th_percentile_and_break_down_by_team_and_week()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var team = await street.TeamAsync(home, capacity: 5);
        var now = DateTimeOffset.UtcNow;
        var needs = new List<Guid>();
        foreach (var minutes in new[] { 10, 20, 30 })
            needs.Add(await street.NeedAsync(home, publishedAt: now.AddMinutes(-minutes)));
        await street.NeedAsync(home, publishedAt: now.AddMinutes(-5));
        foreach (var (need, wait) in needs.Zip(new[] { 600, 1200, 1800 }))
        {
            Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{need}/claim", null)).StatusCode);
            await street.ClaimedAfterPublishingAsync(need, TimeSpan.FromSeconds(wait));
        }
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var stats = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/match-rate");

        // Claim waits of 600, 1200 and 1800 s: median 1200, p90 1200 + 0.8 × 600 = 1680.
        Assert.Equal(1200, stats.GetProperty("medianSecondsToClaim").GetDouble());
        Assert.Equal(1680, stats.GetProperty("p90SecondsToClaim").GetDouble());
        var byTeam = Assert.Single(stats.GetProperty("byTeam").EnumerateArray());
        Assert.Equal(team.TeamId, byTeam.GetProperty("teamId").GetGuid());
        Assert.Equal(3, byTeam.GetProperty("orders").GetInt32());
        var weeks = stats.GetProperty("byWeek").EnumerateArray().ToList();
        Assert.Equal(4, weeks.Sum(w => w.GetProperty("published").GetInt32()));
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday,
            DateTime.ParseExact(w.GetProperty("weekStart").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek));
        var community = Assert.Single(stats.GetProperty("byCommunity").EnumerateArray());
        Assert.Equal(0.75, community.GetProperty("matchRate").GetDouble());
        Assert.Equal(0, community.GetProperty("fulfilmentRate").GetDouble());
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_a_row_per_group()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home);
        var need = await street.NeedAsync(home);
        await street.NeedAsync(home, category: "health");
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{need}/claim", null)).StatusCode);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var response = await coordinator.GetAsync("/api/stats/match-rate.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,key,name,published,claimed,completed,match_rate,fulfilment_rate,median_seconds_to_claim,p90_seconds_to_claim", lines[0]);
        Assert.StartsWith("total,,,2,1,0,0.5,0,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith($"community,{home},光州,2,1,0,0.5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("category,health,医疗健康,1,0,0,0,0,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"team,{team.TeamId},", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("week,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(team).GetAsync("/api/stats/match-rate.csv")).StatusCode);
    }

    [Fact]
    public async Task Unclaimed_orders_are_listed_oldest_first_with_their_escalation_level()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = await street.TeamAsync(home);
        var now = DateTimeOffset.UtcNow;
        var newest = await street.NeedAsync(home, publishedAt: now.AddHours(-1));
        var oldest = await street.NeedAsync(home, publishedAt: now.AddHours(-30));
        var claimed = await street.NeedAsync(home, publishedAt: now.AddHours(-40));
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{claimed}/claim", null)).StatusCode);
        await street.QueryAsync<int>("update orders set escalation_level = 2 where need_id = @oldest returning 1", new { oldest });
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var before = DateTimeOffset.UtcNow;
        var list = await coordinator.GetFromJsonAsync<JsonElement>("/api/stats/unclaimed");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([oldest, newest], items.Select(i => i.GetProperty("needId").GetGuid()));
        Assert.Equal(2, items[0].GetProperty("escalationLevel").GetInt32());
        Assert.Equal("已扩至全区", items[0].GetProperty("escalationLabel").GetString());
        // Waiting since it was published, by the service's clock while it answered (the same machine's).
        var published = items[0].GetProperty("publishedAt").GetDateTimeOffset();
        Assert.InRange(items[0].GetProperty("waitingSeconds").GetInt64(), (long)(before - published).TotalSeconds, (long)Math.Ceiling((after - published).TotalSeconds));
        Assert.Equal(0, items[1].GetProperty("escalationLevel").GetInt32());
    }
}
