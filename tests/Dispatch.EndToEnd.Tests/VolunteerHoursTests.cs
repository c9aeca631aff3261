using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// Volunteers' hours through the whole system: a team lists its members, names who served when it completes an
/// order (matching checks them against the member list it learnt from the registry), the completion event writes
/// each volunteer's ledger, a coordinator corrects a record, and a certificate is verified by anyone through the gateway.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class VolunteerHoursTests(DispatchSystem system)
{
    [Fact]
    public async Task Attendance_at_completion_fills_the_ledger_a_correction_adds_to_it_and_the_certificate_verifies_publicly()
    {
        using var street = await new StreetBuilder(system.Gateway, "qingyang").Named("福山区", "清洋街道").Community("清洋社区")
            .Team(new TeamPlan("清洋助老服务队") { Capacity = 2 }).BuildAsync();
        var (admin, coordinator, branch, team, teamId) = (street.Admin, street.Coordinator, street.Branch, street.Teams[0].Client, street.Teams[0].Id);
        var wang = (await team.PostExpectingAsync($"/api/teams/{teamId}/members", new { name = "王秀兰", phone = "13912340001", joinedOn = "2025-01-10" })).Id();
        var li = (await team.PostExpectingAsync($"/api/teams/{teamId}/members", new { name = "李建军", phone = "13912340002", joinedOn = "2025-06-01" })).Id();
        Assert.Equal(2, (await branch.GetAsync($"/api/teams/{teamId}")).Body!["membersCount"]!.GetValue<int>());

        var needId = await ServedNeedAsync(branch, team);
        var attendance = new { summary = "陪老人聊天，打扫卫生", attendance = new[] { new { memberId = wang, hours = 3m }, new { memberId = li, hours = 2m } } };
        // The member list reaches matching by an event a few milliseconds after it was written; until then the rows are a 400 that changes nothing.
        var completed = await Eventually.ReturnsAsync(() => team.PostAsync($"/api/orders/{needId}/complete", attendance),
            r => r.Status != HttpStatusCode.BadRequest, TimeSpan.FromSeconds(30), "the member list reaches the matching service");
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        var need = await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{needId}"), r => r.Body?["status"]?.GetValue<string>() == "completed",
            TimeSpan.FromSeconds(30), "the branch sees the completion");
        Assert.Equal(5m, need.Body!["serviceHours"]!.GetValue<decimal>());

        var records = await Eventually.ReturnsAsync(() => team.GetAsync($"/api/teams/{teamId}/members/{wang}/records"),
            r => r.Body?["total"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the completion reaches the ledger");
        var record = records.Body!["items"]![0]!;
        Assert.Equal((needId.ToString(), "elderly_care", street.CommunityId.ToString(), "清洋社区", 3m, street.Teams[0].Username, "清洋助老服务队"),
            (S(record, "needId"), S(record, "category"), S(record, "communityId"), S(record, "communityName"), record["hours"]!.GetValue<decimal>(), S(record, "recordedBy"), S(record, "teamName")));

        // The coordinator corrects the record from the sign-in sheet: a new record, the old one kept.
        var correction = await coordinator.PostExpectingAsync($"/api/teams/{teamId}/members/{wang}/records",
            new { correctsId = S(record, "id"), hours = 3.5m, reason = "签到表：13:30–17:00" });
        Assert.Equal(S(record, "id"), S(correction, "correctsId"));
        var ledger = (await team.GetAsync($"/api/teams/{teamId}/members/{wang}/records")).Body!["items"]!.AsArray();
        Assert.Equal([(3.5m, true), (3m, false)], ledger.Select(r => (r!["hours"]!.GetValue<decimal>(), r["current"]!.GetValue<bool>())).OrderByDescending(r => r.Item1));

        // The team certifies Wang's year; anyone with the paper checks it through the gateway without an account.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var certificate = await team.PostExpectingAsync($"/api/teams/{teamId}/members/{wang}/certificates", new { from = "2025-01-01", to = today });
        var code = S(certificate, "code");
        Assert.Equal(3.5m, certificate["hours"]!.GetValue<decimal>());
        var pdf = await team.GetFileAsync(S(certificate, "pdf"));
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.Status, pdf.ContentType));
        var rendered = await RenderedPdf.OfAsync(pdf.Bytes, "certificate-e2e");
        var text = string.Concat(rendered.Text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var printed in new[] { "志愿服务记录证明", "王秀兰", "累计志愿服务时长3.5小时", "清洋助老服务队", code })
            Assert.Contains(printed, text, StringComparison.Ordinal);
        var seen = await rendered.SeenTextAsync();
        foreach (var drawn in new[] { "志愿服务记录证明", "王秀兰", "累计志愿服务时长3.5小时" })
            Assert.Contains(drawn, seen, StringComparison.Ordinal);
        var verifyUrl = new Uri(system.Gateway, $"/verify/{code}").ToString();
        Assert.Equal([verifyUrl], rendered.QrCodes);

        using var anyone = new GatewayClient(system.Gateway);
        var verified = await anyone.GetAsync($"/api/verify/{code}");
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.Equal(("王秀兰", 3.5m, "清洋助老服务队"), (S(verified.Body!, "volunteerName"), verified.Body!["hours"]!.GetValue<decimal>(), S(verified.Body, "organisation")));
        Assert.DoesNotContain("13912340001", verified.Text, StringComparison.Ordinal);
        var page = await anyone.GetFileAsync(new Uri(verifyUrl).PathAndQuery);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.Status, page.ContentType));
        Assert.Contains("志愿服务记录证明核验", Encoding.UTF8.GetString(page.Bytes), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/verify/ZZZZ-ZZZZ-ZZZZ")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"/api/teams/{teamId}/members")).Status);

        // Phones stay with the team and its street's coordinators.
        Assert.Equal("13912340001", Phone(await team.GetAsync($"/api/teams/{teamId}/members/{wang}")));
        Assert.Equal("13912340001", Phone(await coordinator.GetAsync($"/api/teams/{teamId}/members/{wang}")));
        Assert.Null(Phone(await admin.GetAsync($"/api/teams/{teamId}/members/{wang}")));
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync($"/api/teams/{teamId}/members")).Status);
    }

    [Fact]
    public async Task Of_every_answer_of_the_public_api_only_the_member_endpoints_show_a_phone_and_only_to_the_team_and_its_coordinators()
    {
        using var street = await new StreetBuilder(system.Gateway, "phones").Named("芝罘区", "奇山街道").Teams(2).BuildAsync();
        using var elsewhere = await new StreetBuilder(system.Gateway, "phones-elsewhere").Named("莱山区", "黄海路街道").Teams(1).BuildAsync();
        var (team, teamId) = (street.Teams[0].Client, street.Teams[0].Id);
        const string phone = "13645678901";
        var memberId = (await team.PostExpectingAsync($"/api/teams/{teamId}/members", new { name = "孙玉梅", phone, joinedOn = "2025-03-01" })).Id();
        var needId = await ServedNeedAsync(street.Branch, team);
        await Eventually.TrueAsync(async () => (await team.PostAsync($"/api/orders/{needId}/complete",
                new { summary = "陪老人聊天", attendance = new[] { new { memberId, hours = 2m } } })).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the member list reaches the matching service");
        var records = await Eventually.ReturnsAsync(() => team.GetAsync($"/api/teams/{teamId}/members/{memberId}/records"),
            r => r.Body?["total"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the completion reaches the ledger");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var code = S(await team.PostExpectingAsync($"/api/teams/{teamId}/members/{memberId}/certificates", new { from = "2025-01-01", to = today }), "code");
        var values = new Dictionary<string, string>
        {
            ["districts"] = street.DistrictId.ToString(), ["streets"] = street.StreetId.ToString(), ["communities"] = street.CommunityId.ToString(),
            ["needs"] = needId.ToString(), ["teams"] = teamId.ToString(), ["members"] = memberId.ToString(),
            ["records"] = S(records.Body!["items"]![0]!, "id"), ["certificates"] = code, ["verify"] = code,
            ["matching-plans"] = Guid.NewGuid().ToString(), ["accounts"] = Guid.NewGuid().ToString(),
            ["track"] = "ABCD-EFGH-JKMN", ["inbox"] = Guid.NewGuid().ToString(),
        };
        // The hall's event stream stays open (and carries order ids and states only); the health checks carry no data.
        var paths = PublicApiDocument.PathsOf("get").Where(p => p != "/api/orders/hall/events" && !p.StartsWith("/health/", StringComparison.Ordinal))
            .Select(p => Filled(p, values)).ToList();
        using var nobody = new GatewayClient(system.Gateway);
        var outsiders = new (string Who, GatewayClient Client)[]
        {
            ("admin", street.Admin), ("branch", street.Branch), ("another team of the street", street.Teams[1].Client),
            ("another street's coordinator", elsewhere.Coordinator), ("another street's team", elsewhere.Teams[0].Client),
            ("another street's branch", elsewhere.Branch), ("nobody signed in", nobody),
        };

        var leaks = new List<string>();
        foreach (var (who, client) in outsiders)
            leaks.AddRange((await ShowingAsync(client, paths, phone, street.StreetId)).Select(path => $"{who}: {path}"));
        var seenByTeam = await ShowingAsync(team, paths, phone, street.StreetId);
        var seenByCoordinator = await ShowingAsync(street.Coordinator, paths, phone, street.StreetId);

        Assert.True(leaks.Count == 0, $"{leaks.Count} answers showed the phone to someone outside the team and its coordinators:\n{string.Join("\n", leaks)}");
        string[] memberEndpoints = [$"/api/teams/{teamId}/members", $"/api/teams/{teamId}/members/{memberId}"];
        Assert.Equal(memberEndpoints, seenByTeam);
        Assert.Equal(memberEndpoints, seenByCoordinator);
        // An admin reads who serves, so the sweep reached the member's record outside the team: without the phone.
        var seenByAdmin = (await street.Admin.GetAsync($"/api/teams/{teamId}/members/{memberId}")).Body!;
        Assert.Equal("孙玉梅", S(seenByAdmin, "name"));
        Assert.Null(seenByAdmin["phone"]);
    }

    /// <summary>The paths whose answer to <paramref name="client"/> holds <paramref name="phone"/>: in a PDF's text, a page, a CSV or JSON.</summary>
    private static async Task<List<string>> ShowingAsync(GatewayClient client, IEnumerable<string> paths, string phone, Guid streetId)
    {
        var showing = new List<string>();
        foreach (var path in paths)
        {
            var answer = await client.GetFileAsync(path);
            // An admin names the street it asks about: ask again as it would.
            if (answer.Status == HttpStatusCode.BadRequest)
                answer = await client.GetFileAsync($"{path}?streetId={streetId}");
            Assert.True((int)answer.Status < 500, $"GET {path} answered {(int)answer.Status}");
            var text = answer.ContentType == "application/pdf"
                ? (await RenderedPdf.OfAsync(answer.Bytes, $"phones-{Guid.NewGuid():N}")).Text
                : Encoding.UTF8.GetString(answer.Bytes);
            if (text.Contains(phone, StringComparison.Ordinal))
                showing.Add(path);
        }
        return showing;
    }

    private static string Filled(string template, IReadOnlyDictionary<string, string> values)
    {
        var segments = template.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
                segments[i] = values.TryGetValue(segments[i - 1], out var value) ? value
                    : throw new InvalidOperationException($"No value for {segments[i]} after /{segments[i - 1]} in {template}: add one to the sweep.");
        }
        return string.Join('/', segments);
    }

    private static async Task<Guid> ServedNeedAsync(GatewayClient branch, GatewayClient team)
    {
        var startsAt = DateTime.UtcNow.AddDays(1);
        var needId = (await branch.PostExpectingAsync("/api/needs", new
        {
            title = "陪独居老人聊天", description = "每周一次", category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
            startsAt, endsAt = startsAt.AddHours(3),
        })).Id();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);
        await Eventually.TrueAsync(async () => (await team.PostAsync($"/api/orders/{needId}/claim")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order reaches the hall and the team claims it");
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/orders/{needId}/start")).Status);
        return needId;
    }

    private static string? Phone(ApiResponse member) => member.Body?["phone"]?.GetValue<string>();

    private static string S(JsonNode node, string name) => node[name]!.GetValue<string>();
}
