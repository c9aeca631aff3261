using System.Net;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>派单 — 接单 — 评单 through the gateway, every service a real process on the real broker and database.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DispatchLoopTests(DispatchSystem system)
{
    [Fact]
    public async Task A_published_need_is_claimed_by_one_of_two_racing_teams_served_rated_and_counted()
    {
        // Places and accounts as the admin sets up a street; two hatched teams that both fit the need, each with an account.
        using var street = await new StreetBuilder(system.Gateway, "loop").Community("汇泉社区")
            .Team(new TeamPlan("银龄先锋") { Skills = ["陪伴聊天", "理发"], Capacity = 2 })
            .Team(new TeamPlan("汇泉养老服务队") { Skills = ["陪伴聊天", "理发"], Capacity = 2 }).BuildAsync();
        var (teamA, teamB, coordinator) = (street.Teams[0].Client, street.Teams[1].Client, street.Coordinator);

        // 派单: the branch writes the need and publishes it.
        var branch = street.Branch;
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "为独居老人陪伴聊天", description = "每周两次上门陪伴", category = "elderly_care", volunteersNeeded = 2,
            skills = new[] { "陪伴聊天" }, startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
            beneficiaries = 3, address = "汇泉小区3号楼2单元", contactName = "李奶奶", contactPhone = "13900001111",
        });
        Assert.Equal("draft", need["status"]!.GetValue<string>());
        var needId = need.Id();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);

        // It reaches both teams' halls by an event, without the resident's personal data.
        foreach (var team in new[] { teamA, teamB })
        {
            var hall = await Eventually.ReturnsAsync(() => team.GetAsync("/api/orders/hall"),
                r => r.Status == HttpStatusCode.OK && r.Body!.HasNeed(needId), TimeSpan.FromSeconds(30), "the need should appear in the hall");
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
        var stats = await Eventually.ReturnsAsync(() => coordinator.GetAsync($"/api/stats/match-rate?streetId={street.StreetId}"),
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
}
