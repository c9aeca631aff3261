using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>派单 — 接单 — 评单 through the gateway, every service a real process on the real broker and database.</summary>
public sealed class DispatchLoopTests(DispatchSystem system) : IClassFixture<DispatchSystem>
{
    private const string Password = "e2e-password-1";

    [Fact]
    public async Task A_published_need_is_claimed_by_one_of_two_racing_teams_served_rated_and_counted()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);

        // Places and accounts, as the admin sets up a street.
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "莱州市" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "文昌路街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "汇泉社区", branchName = "汇泉社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = "coordinator", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = "huiquan-branch", password = Password, role = "branch", communityId = Id(community) });

        // Two hatched teams that both fit the need, each with an account.
        using var coordinator = await GatewayClient.SignInAsync(system.Gateway, "coordinator", Password);
        var teamIds = new List<Guid>();
        foreach (var name in new[] { "银龄先锋", "汇泉养老服务队" })
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name, kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天", "理发" }, capacity = 2, membersCount = 20, leaderName = "王队长", leaderPhone = "13800000001",
            });
            Assert.Equal("incubating", team["status"]!.GetValue<string>());
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username = $"team-{teamIds.Count + 1}", password = Password, role = "team", teamId = Id(team) });
            teamIds.Add(Id(team));
        }
        using var teamA = await GatewayClient.SignInAsync(system.Gateway, "team-1", Password);
        using var teamB = await GatewayClient.SignInAsync(system.Gateway, "team-2", Password);

        // 派单: the branch writes the need and publishes it.
        using var branch = await GatewayClient.SignInAsync(system.Gateway, "huiquan-branch", Password);
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "为独居老人陪伴聊天", description = "每周两次上门陪伴", category = "elderly_care", volunteersNeeded = 2,
            skills = new[] { "陪伴聊天" }, startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
            beneficiaries = 3, address = "汇泉小区3号楼2单元", contactName = "李奶奶", contactPhone = "13900001111",
        });
        Assert.Equal("draft", need["status"]!.GetValue<string>());
        var needId = Id(need);
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);

        // It reaches both teams' halls by an event, without the resident's personal data.
        foreach (var team in new[] { teamA, teamB })
        {
            var hall = await Eventually.ReturnsAsync(() => team.GetAsync("/api/orders/hall"),
                r => r.Status == HttpStatusCode.OK && HallHas(r.Body!, needId), TimeSpan.FromSeconds(30), "the need should appear in the hall");
            Assert.DoesNotContain("13900001111", hall.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("李奶奶", hall.Text, StringComparison.Ordinal);
        }

        // 接单: both claim at once; exactly one wins.
        var claims = await Task.WhenAll(teamA.PostAsync($"/api/orders/{needId}/claim"), teamB.PostAsync($"/api/orders/{needId}/claim"));
        Assert.Single(claims, c => c.Status == HttpStatusCode.OK);
        Assert.Single(claims, c => c.Status == HttpStatusCode.Conflict);
        var winner = claims[0].Status == HttpStatusCode.OK ? teamA : teamB;
        var loser = winner == teamA ? teamB : teamA;
        var winnerId = Guid.Parse(claims.Single(c => c.Status == HttpStatusCode.OK).Body!["teamId"]!.GetValue<string>());
        Assert.Equal("application/problem+json", claims.Single(c => c.Status == HttpStatusCode.Conflict).ContentType);

        // The holder now sees the contact; the other team does not see the need at all.
        var held = await Eventually.ReturnsAsync(() => winner.GetAsync($"/api/needs/{needId}"), r => r.Status == HttpStatusCode.OK);
        Assert.Equal("13900001111", held.Body!["contactPhone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await loser.GetAsync($"/api/needs/{needId}")).Status);

        // Service: start and complete, then the branch sees it completed and rates it (评单).
        Assert.Equal(HttpStatusCode.OK, (await winner.PostAsync($"/api/orders/{needId}/start")).Status);
        Assert.Equal(HttpStatusCode.OK, (await winner.PostAsync($"/api/orders/{needId}/complete",
            new { serviceHours = 4.5, volunteersCount = 2, summary = "陪伴聊天两次，老人情绪良好" })).Status);
        var completed = await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{needId}"),
            r => r.Body?["status"]?.GetValue<string>() == "completed", TimeSpan.FromSeconds(30), "the branch should see the completion");
        Assert.Equal(winnerId, Guid.Parse(completed.Body!["claimedByTeamId"]!.GetValue<string>()));
        var rated = await branch.PostAsync($"/api/needs/{needId}/rating", new { score = 5, comment = "服务周到" });
        Assert.Equal(HttpStatusCode.OK, rated.Status);
        Assert.Equal("closed", rated.Body!["status"]!.GetValue<string>());

        // The coordinator's figures count the claim and the completion.
        var stats = await Eventually.ReturnsAsync(() => coordinator.GetAsync($"/api/stats/match-rate?streetId={Id(street)}"),
            r => r.Status == HttpStatusCode.OK && r.Body!["completed"]!.GetValue<int>() == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, stats.Body!["published"]!.GetValue<int>());
        Assert.Equal(1, stats.Body!["claimed"]!.GetValue<int>());
        Assert.Equal(1.0, stats.Body!["matchRate"]!.GetValue<double>());
        Assert.NotNull(stats.Body!["medianSecondsToClaim"]);
    }

    [Fact]
    public async Task Bad_input_and_missing_tokens_get_problem_details_through_the_gateway()
    {
        using var anonymous = new GatewayClient(system.Gateway);
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);

        var unauthenticated = await anonymous.GetAsync("/api/needs");
        var badCredentials = await anonymous.PostAsync("/api/auth/token", new { username = "admin", password = "wrong" });
        var invalidPlace = await admin.PostAsync("/api/places/districts", new { name = "" });
        var branchOnly = await admin.PostAsync("/api/needs", new { title = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, badCredentials.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalidPlace.Status);
        Assert.Equal(HttpStatusCode.Forbidden, branchOnly.Status);
        Assert.All([unauthenticated, badCredentials, invalidPlace, branchOnly], r => Assert.Equal("application/problem+json", r.ContentType));
        var places = await admin.GetAsync("/api/places");
        Assert.DoesNotContain(places.Body!.AsArray(), d => d!["name"]!.GetValue<string>() == "");
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    private static bool HallHas(JsonNode hall, Guid needId) =>
        hall["items"]!.AsArray().Any(item => item!["needId"]!.GetValue<string>() == needId.ToString());
}
