using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// The team registry in the whole system: a team's track record grows from the matching service's
/// events, and a team the coordinator suspends is refused by the matching service.
/// </summary>
public sealed class TeamRegistryLoopTests(DispatchSystem system) : IClassFixture<DispatchSystem>
{
    private const string Password = "e2e-password-2";

    [Fact]
    public async Task A_released_and_a_completed_order_show_on_the_profile_and_a_suspended_team_is_refused_its_next_claim()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "芝罘区" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "向阳街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "毓璜顶社区", branchName = "毓璜顶社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = "xiangyang-coordinator", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = "yuhuangding-branch", password = Password, role = "branch", communityId = Id(community) });

        // The coordinator takes an applicant through incubation and hatches it.
        using var coordinator = await GatewayClient.SignInAsync(system.Gateway, "xiangyang-coordinator", Password);
        var team = await coordinator.PostExpectingAsync("/api/teams/applications", new
        {
            name = "毓璜顶助老服务队", kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
            skills = new[] { "陪伴聊天" }, capacity = 2, membersCount = 12, leaderName = "刘队长", leaderPhone = "13800000002",
        });
        var teamId = Id(team);
        Assert.Equal("applied", team["status"]!.GetValue<string>());
        await coordinator.PostExpectingAsync($"/api/teams/{teamId}/incubate", new { mentor = "周社工" }, HttpStatusCode.OK);
        await coordinator.PostExpectingAsync($"/api/teams/{teamId}/hatch", new { reason = "培育期满" }, HttpStatusCode.OK);
        await coordinator.PostExpectingAsync("/api/accounts", new { username = "yuhuangding-team", password = Password, role = "team", teamId });
        using var teamClient = await GatewayClient.SignInAsync(system.Gateway, "yuhuangding-team", Password);
        using var branch = await GatewayClient.SignInAsync(system.Gateway, "yuhuangding-branch", Password);

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
        await Eventually.TrueAsync(async () => !HallHas((await teamClient.GetAsync("/api/orders/hall")).Body!, next),
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
        var needId = Id(need);
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);
        await Eventually.TrueAsync(async () => (await team.GetAsync("/api/orders/hall")) is { Status: HttpStatusCode.OK } r && HallHas(r.Body!, needId),
            TimeSpan.FromSeconds(30), "the need should appear in the hall");
        return needId;
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    private static bool HallHas(JsonNode hall, Guid needId) =>
        hall["items"]!.AsArray().Any(item => item!["needId"]!.GetValue<string>() == needId.ToString());
}
