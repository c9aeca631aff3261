using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// gateway/wwwroot/openapi.yaml is the contract of the public API's answers too. Every end-to-end test holds each answer
/// it gets to it (<see cref="AnswersHeldToTheDocument"/>); this one walks the whole loop on purpose, every role's lists and
/// figures, the bodies that are not JSON (CSV in and out) and the errors a client meets, so that each of them is checked.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OpenApiContractTests(DispatchSystem system)
{
    [Fact]
    public async Task Every_answer_of_the_dispatch_loop_is_one_the_document_describes()
    {
        var requests = await RunTheLoopAsync(system.Gateway);

        Assert.True(requests > 40, $"only {requests} requests were checked");
    }

    /// <summary>派单, 接单, service and 评单, the lists and figures of every role, and the errors a client meets; the number of requests.</summary>
    private static async Task<int> RunTheLoopAsync(Uri gateway)
    {
        var count = 0;
        using var street = await new StreetBuilder(gateway, "contract").Community("汇泉社区").Community("光州社区")
            .Team(new TeamPlan("银龄先锋") { Skills = ["陪伴聊天", "理发"], Capacity = 3 })
            .Team(new TeamPlan("汇泉养老服务队") { Skills = ["陪伴聊天", "理发"], Capacity = 3 }).BuildAsync();
        var (branch, coordinator, admin) = (street.Branch, street.Coordinator, street.Admin);
        var (teamA, teamB) = (street.Teams[0].Client, street.Teams[1].Client);

        async Task<ApiResponse> Expect(Task<ApiResponse> call, HttpStatusCode status)
        {
            var response = await call;
            count++;
            Assert.True(response.Status == status, $"expected {(int)status}, got {response}");
            return response;
        }

        // 派单: a draft, edited, read, published; the lists and the timeline.
        var need = (await Expect(branch.SendAsync(HttpMethod.Post, "/api/needs", TestStreet.NeedBody("陪伴聊天")), HttpStatusCode.Created)).Body!.Id();
        await Expect(branch.SendAsync(HttpMethod.Put, $"/api/needs/{need}", TestStreet.NeedBody("陪伴聊天和理发", skills: ["陪伴聊天", "理发"])), HttpStatusCode.OK);
        await Expect(branch.GetAsync($"/api/needs/{need}"), HttpStatusCode.OK);
        await Expect(branch.PostAsync($"/api/needs/{need}/publish"), HttpStatusCode.OK);
        await Expect(branch.GetAsync("/api/needs?status=published&page=1&pageSize=10"), HttpStatusCode.OK);
        await Expect(branch.GetAsync($"/api/needs/{need}/timeline"), HttpStatusCode.OK);
        await Expect(coordinator.GetAsync("/api/needs"), HttpStatusCode.OK);

        // 接单: it reaches the halls; two teams race, one wins; the holder serves and reports.
        await Eventually.ReturnsAsync(() => teamA.GetAsync("/api/orders/hall"), r => r.Body?.HasNeed(need) == true, TimeSpan.FromSeconds(30));
        count++;
        await Expect(teamB.GetAsync("/api/orders/hall"), HttpStatusCode.OK);
        var claims = await Task.WhenAll(teamA.PostAsync($"/api/orders/{need}/claim"), teamB.PostAsync($"/api/orders/{need}/claim"));
        count += 2;
        Assert.Single(claims, c => c.Status == HttpStatusCode.OK);
        Assert.Single(claims, c => c.Status == HttpStatusCode.Conflict);
        var winner = claims[0].Status == HttpStatusCode.OK ? teamA : teamB;
        await Expect(winner.GetAsync("/api/orders/mine"), HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => winner.GetAsync($"/api/needs/{need}"), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        count++;
        await Expect(winner.PostAsync($"/api/orders/{need}/start"), HttpStatusCode.OK);
        await Expect(winner.PostAsync($"/api/orders/{need}/complete", new { serviceHours = 2.5, volunteersCount = 2, summary = "陪伴聊天，理发一次" }), HttpStatusCode.OK);

        // 评单: the branch sees the completion and rates it.
        await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{need}"), r => r.Body?["status"]?.GetValue<string>() == "completed", TimeSpan.FromSeconds(30));
        count++;
        await Expect(branch.PostAsync($"/api/needs/{need}/rating", new { score = 5, comment = "服务周到" }), HttpStatusCode.OK);

        // A directed order declined, one released back to the hall, one cancelled.
        var directed = await street.PublishNeedAsync("定向派单", targetTeamId: street.Teams[1].Id);
        count += 2;
        await Eventually.ReturnsAsync(() => teamB.GetAsync("/api/orders/hall"), r => r.Body?.HasNeed(directed) == true, TimeSpan.FromSeconds(30));
        count++;
        await Expect(teamB.PostAsync($"/api/orders/{directed}/decline", new { reason = "本周人手不足" }), HttpStatusCode.OK);
        var released = await street.PublishNeedAsync("退回的订单");
        count += 2;
        await Eventually.ReturnsAsync(() => teamA.GetAsync("/api/orders/hall"), r => r.Body?.HasNeed(released) == true, TimeSpan.FromSeconds(30));
        count++;
        await Expect(teamA.PostAsync($"/api/orders/{released}/claim"), HttpStatusCode.OK);
        await Expect(teamA.PostAsync($"/api/orders/{released}/release", new { reason = "时间冲突" }), HttpStatusCode.OK);
        var cancelled = await street.PublishNeedAsync("取消的需求");
        count += 2;
        await Expect(branch.PostAsync($"/api/needs/{cancelled}/cancel", new { reason = "老人已住院" }), HttpStatusCode.OK);

        // The figures and the registry, as the coordinator and the admin see them.
        await Expect(coordinator.GetAsync($"/api/stats/match-rate?streetId={street.StreetId}"), HttpStatusCode.OK);
        await Expect(coordinator.GetAsync("/api/stats/unclaimed"), HttpStatusCode.OK);
        await Expect(branch.GetAsync("/api/stats/match-rate"), HttpStatusCode.OK);
        await Expect(coordinator.GetAsync($"/api/teams?streetId={street.StreetId}"), HttpStatusCode.OK);
        await Expect(coordinator.GetAsync($"/api/teams/{street.Teams[0].Id}"), HttpStatusCode.OK);
        await Expect(coordinator.GetAsync($"/api/teams/{street.Teams[0].Id}/history"), HttpStatusCode.OK);
        await Expect(admin.GetAsync("/api/places"), HttpStatusCode.OK);
        await Expect(admin.GetAsync("/api/accounts"), HttpStatusCode.OK);

        // What a client gets wrong: no token, a wrong password, an invalid body, the wrong role, an unknown need, a lost claim.
        using var anonymous = new GatewayClient(gateway);
        await Expect(anonymous.GetAsync("/api/needs"), HttpStatusCode.Unauthorized);
        await Expect(anonymous.PostAsync("/api/auth/token", new { username = "admin", password = "wrong" }), HttpStatusCode.Unauthorized);
        await Expect(branch.PostAsync("/api/needs", new { title = "" }), HttpStatusCode.BadRequest);
        await Expect(teamA.PostAsync("/api/needs", TestStreet.NeedBody("不是队伍的事")), HttpStatusCode.Forbidden);
        await Expect(branch.GetAsync($"/api/needs/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Expect(teamB.PostAsync($"/api/orders/{need}/claim"), HttpStatusCode.Conflict);

        // Bodies that are not JSON: the figures as CSV, a needs list uploaded as CSV, and a need sent as plain text.
        using var http = new HttpClient { BaseAddress = gateway };
        var token = (await Expect(anonymous.PostAsync("/api/auth/token", new { username = street.Communities[0].BranchUsername, password = street.Password }), HttpStatusCode.OK))
            .Body!["accessToken"]!.GetValue<string>();
        var coordinatorToken = (await Expect(anonymous.PostAsync("/api/auth/token", new { username = street.CoordinatorUsername, password = street.Password }), HttpStatusCode.OK))
            .Body!["accessToken"]!.GetValue<string>();
        await Expect(RawAsync(http, HttpMethod.Get, "/api/stats/match-rate.csv", coordinatorToken, null), HttpStatusCode.OK);
        var list = "标题,类别,人数,技能,开始时间,结束时间,地址,联系人,联系电话\r\n上门理发,elderly_care,1,理发,2030-01-06 09:00,2030-01-06 11:00,汇泉小区1号楼,王大爷,13900002222\r\n";
        await Expect(RawAsync(http, HttpMethod.Post, "/api/needs/import", token, new StringContent(list, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        await Expect(RawAsync(http, HttpMethod.Post, "/api/needs", token, new StringContent("title=陪伴聊天", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        return count;
    }

    private static async Task<ApiResponse> RawAsync(HttpClient http, HttpMethod method, string path, string token, HttpContent? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        PublicApiContract.Public.AssertDescribes(response, text);
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? JsonNode.Parse(text) : null;
        return new ApiResponse(response.StatusCode, json, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, text);
    }
}
