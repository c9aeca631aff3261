using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>One client's bad requests never break another's good ones, on any service, whatever arrives in between.</summary>
public sealed class MixedBurstTests(TwoStreets streets, ITestOutputHelper output) : IClassFixture<TwoStreets>
{
    private sealed record Call(string Service, bool Good, HttpStatusCode? Expected, Func<Task<ApiResponse>> Send);

    [Fact]
    public async Task Bad_and_good_requests_mixed_on_every_service_fail_no_good_one_and_answer_no_5xx()
    {
        var a = streets.A;
        var (team, teamId, held) = (a.Teams[0].Client, a.Teams[0].Id, streets.HeldNeedId);
        var admin = a.Admin;
        var anonymous = streets.ByRole["anonymous"];
        string Json(object body) => JsonSerializer.Serialize(body);
        var nulTitle = Json(new { title = "陪伴\u0000聊天", description = "x", category = "elderly_care", volunteersNeeded = 2,
            startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2) });
        var calls = new List<Call>
        {
            // needs
            new("needs", false, null, () => a.Branch.SendTextAsync(HttpMethod.Post, "/api/needs", nulTitle)),
            new("needs", false, null, () => a.Branch.SendTextAsync(HttpMethod.Post, "/api/needs", """{"title": 12, "volunteersNeeded": "two"}""")),
            new("needs", false, null, () => a.Branch.SendTextAsync(HttpMethod.Put, $"/api/needs/{held}", """{"volunteersNeeded": 2147483648}""")),
            new("needs", false, null, () => a.Branch.GetAsync("/api/needs?q=%00")),
            new("needs", true, HttpStatusCode.Created, () => a.Branch.PostAsync("/api/needs", TestStreet.NeedBody("为独居老人陪伴聊天"))),
            new("needs", true, HttpStatusCode.OK, () => a.Branch.GetAsync($"/api/needs/{held}")),
            // teams
            new("teams", false, null, () => a.Coordinator.SendTextAsync(HttpMethod.Post, "/api/teams", Json(new { name = "队\u0000伍", kind = "volunteer_team",
                communityId = a.CommunityId, categories = new[] { "elderly_care" }, capacity = 1, membersCount = 1, leaderName = "王", leaderPhone = "13800000001" }))),
            new("teams", false, null, () => team.SendTextAsync(HttpMethod.Patch, $"/api/teams/{teamId}", Json(new { leaderName = "\u0000" }))),
            new("teams", false, null, () => a.Coordinator.GetAsync("/api/teams?q=%00")),
            new("teams", true, HttpStatusCode.OK, () => a.Branch.GetAsync($"/api/teams/{teamId}")),
            new("teams", true, HttpStatusCode.OK, () => a.Coordinator.GetAsync($"/api/teams?communityId={a.CommunityId}")),
            // matching
            new("matching", false, null, () => team.SendTextAsync(HttpMethod.Post, $"/api/orders/{held}/release", Json(new { reason = "\u0000" }))),
            new("matching", false, null, () => team.SendTextAsync(HttpMethod.Post, $"/api/orders/{held}/complete", """{"serviceHours": "x"}""")),
            new("matching", false, null, () => a.Coordinator.GetAsync("/api/stats/match-rate?from=%00")),
            new("matching", true, HttpStatusCode.OK, () => team.GetAsync("/api/orders/hall")),
            new("matching", true, HttpStatusCode.OK, () => team.GetAsync("/api/orders/mine")),
            new("matching", true, HttpStatusCode.OK, () => a.Coordinator.GetAsync("/api/stats/match-rate")),
            // gateway
            new("gateway", false, null, () => anonymous.SendTextAsync(HttpMethod.Post, "/api/auth/token", Json(new { username = "a\u0000", password = "x" }))),
            new("gateway", false, null, () => admin.SendTextAsync(HttpMethod.Post, "/api/accounts", Json(new { username = "b\u0000", password = a.Password, role = "branch", communityId = a.CommunityId }))),
            new("gateway", true, HttpStatusCode.OK, () => anonymous.PostAsync("/api/auth/token", new { username = a.Communities[0].BranchUsername, password = a.Password })),
            new("gateway", true, HttpStatusCode.OK, () => a.Branch.GetAsync("/api/places")),
        };
        // Every kind of call many times, shuffled (with a fixed seed, so a failure can be replayed), four at a time.
        var random = new Random(25);
        var burst = Enumerable.Repeat(calls, 30).SelectMany(c => c).OrderBy(_ => random.Next()).ToList();
        var failedGood = new ConcurrentQueue<string>();
        var serverErrors = new ConcurrentQueue<string>();
        var answered = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(burst, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (call, _) =>
        {
            var response = await call.Send();
            answered.AddOrUpdate($"{call.Service} {(call.Good ? "good" : "bad")}", 1, (_, n) => n + 1);
            if ((int)response.Status >= 500)
                serverErrors.Enqueue($"{call.Service}: {response}");
            if (call.Good && response.Status != call.Expected)
                failedGood.Enqueue($"{call.Service}: expected {(int)call.Expected!}, got {response}");
        });

        output.WriteLine($"{burst.Count} requests: " + string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}")));
        output.WriteLine($"good ones failed: {failedGood.Count}; answers of 5xx: {serverErrors.Count}");
        Assert.True(failedGood.IsEmpty, string.Join("\n", failedGood.Take(10)));
        Assert.True(serverErrors.IsEmpty, string.Join("\n", serverErrors.Take(10)));
    }
}
