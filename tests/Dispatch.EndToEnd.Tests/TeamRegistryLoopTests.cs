using System.Net;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// The team registry in the whole system: a team's track record grows from the matching service's
/// events, and a team the coordinator suspends is refused by the matching service.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TeamRegistryLoopTests(DispatchSystem system)
{
    [Fact]
    public async Task A_released_and_a_completed_order_show_on_the_profile_and_a_suspended_team_is_refused_its_next_claim()
    {
        using var street = await new StreetBuilder(system.Gateway, "xiangyang").Community("毓璜顶社区").BuildAsync();
        var (coordinator, branch) = (street.Coordinator, street.Branch);

        // The coordinator takes an applicant through incubation and hatches it.
        var team = await coordinator.PostExpectingAsync("/api/teams/applications", new
        {
            name = "毓璜顶助老服务队", kind = "volunteer_team", communityId = street.CommunityId, categories = new[] { "elderly_care" },
            skills = new[] { "陪伴聊天" }, capacity = 2, membersCount = 12, leaderName = "刘队长", leaderPhone = "13800000002",
        });
        var teamId = team.Id();
        Assert.Equal("applied", team["status"]!.GetValue<string>());
        await coordinator.PostExpectingAsync($"/api/teams/{teamId}/incubate", new { mentor = "周社工" }, HttpStatusCode.OK);
        await coordinator.PostExpectingAsync($"/api/teams/{teamId}/hatch", new { reason = "培育期满" }, HttpStatusCode.OK);
        await coordinator.PostExpectingAsync("/api/accounts", new { username = "xiangyang-applicant", password = street.Password, role = "team", teamId });
        using var teamClient = await GatewayClient.SignInAsync(system.Gateway, "xiangyang-applicant", street.Password);

        // The first need is claimed and released; the second is claimed, served and rated.
        var released = await PublishedNeedInHallAsync(branch, teamClient, "陪老人去医院");
        Assert.Equal(HttpStatusCode.OK, (await teamClient.PostAsync($"/api/orders/{released}/claim")).Status);
        Assert.Equal(HttpStatusCode.OK, (await teamClient.PostAsync($"/api/orders/{released}/release", new { reason = "队员临时有事" })).Status);
        var served = await PublishedNeedInHallAsync(branch, teamClient, "陪独居老人聊天");
        Assert.Equal(HttpStatusCode.OK, (await teamClient.PostAsync($"/api/orders/{served}/claim")).Status);
        Assert.Equal(HttpStatusCode.OK, (await teamClient.PostAsync($"/api/orders/{served}/start")).Status);
        Assert.Equal(HttpStatusCode.OK, (await teamClient.PostAsync($"/api/orders/{served}/complete",
            new { serviceHours = 3.5, volunteersCount = 2, summary = "聊天两小时" })).Status);
        await Eventually.TrueAsync(async () => (await branch.GetAsync($"/api/needs/{served}")).Body?["status"]?.GetValue<string>() == "completed",
            TimeSpan.FromSeconds(30), "the branch should see the completion");
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{served}/rating", new { score = 4 })).Status);

        var profile = await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/teams/{teamId}"),
            r => r.Body?["trackRecord"]?["ratingsCount"]?.GetValue<int>() == 1 && r.Body["trackRecord"]!["ordersCompleted"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), "the track record should count the completion and the rating");
        var record = profile.Body!["trackRecord"]!;
        Assert.Equal((2, 1, 1, 3.5m, 2, 4m),
            (record["ordersClaimed"]!.GetValue<int>(), record["ordersCompleted"]!.GetValue<int>(), record["ordersReleased"]!.GetValue<int>(),
             record["serviceHours"]!.GetValue<decimal>(), record["volunteersEngaged"]!.GetValue<int>(), record["averageRating"]!.GetValue<decimal>()));
        Assert.Null(profile.Body["leaderPhone"]); // a branch never sees the leader's phone

        // Suspended: once the matching service hears of it the hall empties, and a claim is refused.
        var next = await PublishedNeedInHallAsync(branch, teamClient, "帮老人买菜");
        await coordinator.PostExpectingAsync($"/api/teams/{teamId}/suspend", new { reason = "服务投诉待核查" }, HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => !(await teamClient.GetAsync("/api/orders/hall")).Body!.HasNeed(next),
            TimeSpan.FromSeconds(30), "the suspension should reach the matching service");
        var claim = await teamClient.PostAsync($"/api/orders/{next}/claim");
        Assert.Equal(HttpStatusCode.Forbidden, claim.Status);
        Assert.Contains("suspended", claim.Text, StringComparison.Ordinal);

        var history = (await coordinator.GetAsync($"/api/teams/{teamId}/history")).Body!.AsArray();
        Assert.Equal(["applied", "incubating", "hatched", "suspended"], history.Select(h => h!["toStatus"]!.GetValue<string>()));
        Assert.Equal("周社工", history.Last()!["mentor"]!.GetValue<string>());
    }

    private static async Task<Guid> PublishedNeedInHallAsync(GatewayClient branch, GatewayClient team, string title)
    {
        var startsAt = DateTime.UtcNow.AddDays(2);
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title, description = title, category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
            startsAt, endsAt = startsAt.AddHours(2),
        });
        var needId = need.Id();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);
        await Eventually.TrueAsync(async () => (await team.GetAsync("/api/orders/hall")) is { Status: HttpStatusCode.OK } r && r.Body!.HasNeed(needId),
            TimeSpan.FromSeconds(30), "the need should appear in the hall");
        return needId;
    }
}
