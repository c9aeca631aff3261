using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.Operations.Tests;

/// <summary>
/// A street of its own on a running system: a branch and hatched teams with accounts, and the dispatch loop through
/// the gateway — 派单 (publish), 接单 (claim), service, 评单 (rate) — optionally in a trace the test chooses.
/// </summary>
internal sealed class Street : IDisposable
{
    private const string Password = "operations-password-1";

    private Street(GatewayClient branch, IReadOnlyList<(Guid Id, GatewayClient Client)> teams)
    {
        Branch = branch;
        Teams = teams;
    }

    public GatewayClient Branch { get; }

    public IReadOnlyList<(Guid Id, GatewayClient Client)> Teams { get; }

    public static async Task<Street> SetUpAsync(Uri gateway, string adminPassword, int teams = 2)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var admin = await GatewayClient.SignInAsync(gateway, "admin", adminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = $"莱州市{tag}" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "文昌路街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "汇泉社区", branchName = "汇泉社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = $"coordinator-{tag}", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = $"branch-{tag}", password = Password, role = "branch", communityId = Id(community) });

        using var coordinator = await GatewayClient.SignInAsync(gateway, $"coordinator-{tag}", Password);
        var clients = new List<(Guid, GatewayClient)>();
        for (var i = 1; i <= teams; i++)
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name = $"银龄先锋{i}队", kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天" }, capacity = 50, membersCount = 20, leaderName = "王队长", leaderPhone = "13800000001",
            });
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username = $"team-{tag}-{i}", password = Password, role = "team", teamId = Id(team) });
            clients.Add((Id(team), await GatewayClient.SignInAsync(gateway, $"team-{tag}-{i}", Password)));
        }
        var branch = await GatewayClient.SignInAsync(gateway, $"branch-{tag}", Password);
        // The teams reach matching by events: a claim before they arrive would be refused.
        await Eventually.TrueAsync(async () => (await clients[^1].Item2.GetAsync("/api/orders/hall")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the teams should be known to matching");
        return new Street(branch, clients);
    }

    /// <summary>Writes a need and publishes it; returns its id once it is in the hall (unless told not to wait for that).</summary>
    public async Task<Guid> PublishAsync(string? traceParent = null, bool untilInTheHall = true)
    {
        var need = await Branch.PostExpectingAsync("/api/needs", new
        {
            title = "为独居老人陪伴聊天", description = "每周两次上门陪伴", category = "elderly_care", volunteersNeeded = 1,
            skills = new[] { "陪伴聊天" }, startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
            beneficiaries = 1, address = "汇泉小区3号楼2单元", contactName = "李奶奶", contactPhone = "13900001111",
        });
        var id = Id(need);
        var published = await Branch.SendAsync(HttpMethod.Post, $"/api/needs/{id}/publish", new { }, traceParent);
        Assert.True(published.Status == HttpStatusCode.OK, $"publish: {published}");
        if (untilInTheHall)
            await Eventually.TrueAsync(() => InTheHallAsync(id), TimeSpan.FromSeconds(30), "the published need should reach the hall");
        return id;
    }

    public async Task<bool> InTheHallAsync(Guid needId) =>
        (await Teams[0].Client.GetAsync("/api/orders/hall")).Body?["items"]?.AsArray().Any(o => o?["needId"]?.GetValue<string>() == needId.ToString()) == true;

    /// <summary>Every team claims at once: one wins, the others get 409. Returns the winner.</summary>
    public async Task<(Guid Id, GatewayClient Client)> RaceAsync(Guid needId)
    {
        var answers = await Task.WhenAll(Teams.Select(t => t.Client.PostAsync($"/api/orders/{needId}/claim")));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        return Teams[Array.FindIndex(answers, a => a.Status == HttpStatusCode.OK)];
    }

    /// <summary>The rest of the loop for a claimed need: start, complete, and the branch rates it once it sees it completed.</summary>
    public async Task ServeAndRateAsync(Guid needId, GatewayClient holder)
    {
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"/api/orders/{needId}/start")).Status);
        await CompleteAndRateAsync(needId, holder);
    }

    /// <summary>A need in service: completed, and rated by the branch once it sees it completed.</summary>
    public async Task CompleteAndRateAsync(Guid needId, GatewayClient holder)
    {
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"/api/orders/{needId}/complete",
            new { serviceHours = 2.5, volunteersCount = 1, summary = "陪伴聊天，老人情绪良好" })).Status);
        await Eventually.TrueAsync(async () => (await Branch.GetAsync($"/api/needs/{needId}")).Body?["status"]?.GetValue<string>() == "completed",
            TimeSpan.FromSeconds(30), "the branch should see the need completed");
        Assert.Equal(HttpStatusCode.OK, (await Branch.PostAsync($"/api/needs/{needId}/rating", new { score = 5, comment = "很满意" })).Status);
    }

    public void Dispose()
    {
        Branch.Dispose();
        foreach (var (_, client) in Teams)
            client.Dispose();
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
