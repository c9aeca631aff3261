using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// A suspended team keeps what it holds until a coordinator reassigns it (SPEC.md): the order goes to another team as
/// a directed order, the branch's timeline says who moved it and why, and both teams' track records agree.
/// </summary>
public sealed class ReassignmentTests(DispatchSystem system) : IClassFixture<DispatchSystem>
{
    private const string Password = "e2e-password-3";

    [Fact]
    public async Task A_suspended_teams_order_reassigned_by_the_coordinator_is_accepted_by_the_new_team()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "莱州市" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "永安路街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "永安社区", branchName = "永安社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = "yongan-coordinator", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = "yongan-branch", password = Password, role = "branch", communityId = Id(community) });
        using var coordinator = await GatewayClient.SignInAsync(system.Gateway, "yongan-coordinator", Password);
        var teamIds = new List<Guid>();
        foreach (var name in new[] { "永安助老队", "永安银龄队" })
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name, kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天" }, capacity = 2, membersCount = 10, leaderName = "周队长", leaderPhone = "13800000003",
            });
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username = $"yongan-team-{teamIds.Count + 1}", password = Password, role = "team", teamId = Id(team) });
            teamIds.Add(Id(team));
        }
        using var first = await GatewayClient.SignInAsync(system.Gateway, "yongan-team-1", Password);
        using var second = await GatewayClient.SignInAsync(system.Gateway, "yongan-team-2", Password);
        using var branch = await GatewayClient.SignInAsync(system.Gateway, "yongan-branch", Password);

        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "帮独居老人买菜", category = "elderly_care", volunteersNeeded = 1, skills = new[] { "陪伴聊天" },
            startsAt = DateTime.UtcNow.AddDays(2), endsAt = DateTime.UtcNow.AddDays(2).AddHours(2),
        });
        var needId = Id(need);
        await branch.PostExpectingAsync($"/api/needs/{needId}/publish", new { }, HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => first.PostAsync($"/api/orders/{needId}/claim"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order should reach the hall");

        // While the team serves, nobody takes its order; once suspended, the coordinator gives it to the other team.
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/orders/{needId}/reassign", new { teamId = teamIds[1], reason = "试试" })).Status);
        await coordinator.PostExpectingAsync($"/api/teams/{teamIds[0]}/suspend", new { reason = "服务投诉待核查" }, HttpStatusCode.OK);
        var reassigned = await Eventually.ReturnsAsync(
            () => coordinator.PostAsync($"/api/orders/{needId}/reassign", new { teamId = teamIds[1], reason = "原队伍暂停整改，改派银龄队" }),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "matching should learn of the suspension and allow the reassignment");
        Assert.Equal(teamIds[1].ToString(), reassigned.Body!["toTeamId"]!.GetValue<string>());

        // The new team sees a directed order and accepts it; the branch sees who holds it now and why it moved.
        await Eventually.ReturnsAsync(() => second.GetAsync("/api/orders/hall"),
            r => r.Body?["items"]?.AsArray().Any(i => i!["needId"]!.GetValue<string>() == needId.ToString() && i["directed"]!.GetValue<bool>()) == true,
            TimeSpan.FromSeconds(30), "the new team should find the directed order in its hall");
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync($"/api/orders/{needId}/accept")).Status);
        var claimed = await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{needId}"),
            r => r.Body?["claimedByTeamId"]?.GetValue<string>() == teamIds[1].ToString(), TimeSpan.FromSeconds(30), "the branch should see the new holder");
        Assert.Equal("claimed", claimed.Body!["status"]!.GetValue<string>());
        // OrderReassigned and OrderClaimed reach the needs service on different queues: the timeline has the move once it arrives.
        await Eventually.ReturnsAsync(async () => (await branch.GetAsync($"/api/needs/{needId}/timeline")).Body!.AsArray(),
            timeline => timeline.Any(e => e!["actor"]!.GetValue<string>() == "yongan-coordinator"
                && e["reason"]?.GetValue<string>() == $"reassigned from team {teamIds[0]} to team {teamIds[1]}: 原队伍暂停整改，改派银龄队"),
            TimeSpan.FromSeconds(30), "the timeline should say who reassigned the order, and why");

        // The former holder no longer has it; each track record counts what each team did.
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"/api/needs/{needId}")).Status);
        var record = await Eventually.ReturnsAsync(() => coordinator.GetAsync($"/api/teams/{teamIds[0]}"),
            r => r.Body?["trackRecord"]?["ordersReassigned"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the suspended team's record should count the reassignment");
        Assert.Equal((1, 0), (record.Body!["trackRecord"]!["ordersClaimed"]!.GetValue<int>(), record.Body["trackRecord"]!["ordersReleased"]!.GetValue<int>()));
        await Eventually.ReturnsAsync(() => coordinator.GetAsync($"/api/teams/{teamIds[1]}"),
            r => r.Body?["trackRecord"]?["ordersClaimed"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the new team's record should count its claim");
        var orders = (await coordinator.GetAsync($"/api/orders?teamId={teamIds[1]}")).Body!;
        Assert.Equal("claimed", orders["items"]!.AsArray().Single()!["status"]!.GetValue<string>());
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
