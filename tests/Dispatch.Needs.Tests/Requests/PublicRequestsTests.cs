using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Xunit;

namespace Dispatch.Needs.Tests.Requests;

/// <summary>Residents' requests without an account: the limits, and what a tracking code and a public answer reveal.</summary>
[Collection(NeedsCollection.Name)]
public sealed class PublicRequestsTests(NeedsService service)
{
    [Fact]
    public async Task A_phone_has_at_most_three_open_requests_however_it_is_written_and_an_address_five()
    {
        var residents = await Residents.OpenAsync(service);
        var phone = UniquePhone();
        foreach (var written in new[] { phone, $"{phone[..3]}-{phone[3..7]} {phone[7..]}", $"+86 {phone}" })
            await residents.FiledAsync(residents.Form(written, address: $"{phone}号楼"));

        var fourth = await residents.FileAsync(residents.Form(phone, address: "另一处地址"));

        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Contains("这个电话号码已有 3 条求助正在办理", (await fourth.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // One address (spaces and full-width digits aside), five phones: the sixth is refused.
        var address = $"汇泉小区{UniquePhone()[^4..]}号";
        for (var i = 0; i < 5; i++)
            await residents.FiledAsync(residents.Form(UniquePhone(), address: i % 2 == 0 ? address : address.Replace("号", " 号", StringComparison.Ordinal)));
        var sixth = await residents.FileAsync(residents.Form(UniquePhone(), address: address));
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Contains("这个地址已有 5 条求助正在办理", (await sixth.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A declined request is no longer open: the phone may ask again.
        var oldest = (await residents.InboxAsync()).Last(r => r!["contactPhone"]!.GetValue<string>() == phone)!["id"]!.GetValue<string>();
        using var branch = residents.Community.Branch();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsJsonAsync($"/api/requests/inbox/{oldest}/decline", new { reason = "已电话联系，无需上门" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await residents.FileAsync(residents.Form(phone, address: "另一处地址"))).StatusCode);
    }

    [Fact]
    public async Task The_honeypot_a_missing_consent_an_oversized_description_and_an_unknown_community_are_refused_in_Chinese()
    {
        var residents = await Residents.OpenAsync(service);
        var cases = new (object Form, string Field)[]
        {
            (residents.Form(UniquePhone(), website: "http://spam.example"), "website"),
            (residents.Form(UniquePhone(), consent: false), "consent"),
            (residents.Form(UniquePhone(), description: new string('帮', 1001)), "description"),
            (residents.Form("call me maybe"), "contactPhone"),
        };
        foreach (var (form, field) in cases)
        {
            var response = await residents.FileAsync(form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"{field} should be named: {errors.ToJsonString()}");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", errors[field]![0]!.GetValue<string>());
        }
        var unknown = await residents.FileAsync(new { communityId = Guid.NewGuid(), category = "health", description = "量血压",
            wantedAt = DateTimeOffset.UtcNow.AddDays(1), contactName = "王伯", contactPhone = UniquePhone(), address = "某处", consent = true });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await residents.Community.QueryAsync<long>("select count(*) from resident_requests where community_id = @Id", new { residents.Community.Id }));
    }

    [Fact]
    public async Task A_tracking_code_reveals_nothing_of_another_request_and_no_public_answer_carries_a_residents_data()
    {
        var residents = await Residents.OpenAsync(service);
        var (phoneA, phoneB) = (UniquePhone(), UniquePhone());
        var a = await residents.FiledAsync(residents.Form(phoneA, address: "汇泉小区1号楼", name: "赵大爷", description: "需要有人陪同去医院复查"));
        var b = await residents.FiledAsync(residents.Form(phoneB, address: "汇泉小区9号楼", name: "钱阿姨", description: "孩子放学后无人照看"));
        var (codeA, codeB) = (a["trackingCode"]!.GetValue<string>(), b["trackingCode"]!.GetValue<string>());

        // Codes are long and unrelated; a neighbouring or malformed code finds nothing, with the same answer.
        Assert.Equal(26, codeA.Length);
        Assert.True(Enumerable.Range(0, 26).Count(i => codeA[i] == codeB[i]) < 8, "two codes should share no more than chance would");
        var neighbour = codeA[..^1] + (codeA[^1] == '0' ? '1' : '0');
        foreach (var probe in new[] { neighbour, codeA.ToLowerInvariant(), "../inbox", codeA + "0", "%00" })
            Assert.Equal(HttpStatusCode.NotFound, (await residents.TrackAsync(Uri.EscapeDataString(probe))).Status);

        // The lookup needs the phone and the code of the same request.
        using var anonymous = residents.Anonymous();
        var crossed = await anonymous.PostAsJsonAsync("/api/requests/lookup", new { contactPhone = phoneB, lookupCode = a["lookupCode"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        var found = await anonymous.PostAsJsonAsync("/api/requests/lookup", new { contactPhone = $"{phoneA[..3]} {phoneA[3..]}", lookupCode = a["lookupCode"]!.GetValue<string>() });
        Assert.Equal(codeA, (await found.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>());

        // Every public answer: the form, the filing, the tracking page; none names either resident.
        var answers = new List<string>
        {
            await anonymous.GetStringAsync($"/api/requests/communities/{residents.Community.Id}/form"),
            a.ToJsonString(), (await residents.TrackAsync(codeA)).Text, (await residents.TrackAsync(codeB)).Text,
        };
        foreach (var text in answers)
            foreach (var personal in new[] { phoneA, phoneB, "赵大爷", "钱阿姨", "汇泉小区1号楼", "汇泉小区9号楼", "复查", "无人照看" })
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        Assert.Equal("received", JsonNode.Parse(answers[2])!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_tracking_page_follows_the_need_names_only_the_serving_team_and_takes_one_rating_after_completion()
    {
        var residents = await Residents.OpenAsync(service);
        var community = residents.Community;
        using var branch = community.Branch();
        var filed = await residents.FiledAsync(residents.Form(UniquePhone()));
        var code = filed["trackingCode"]!.GetValue<string>();
        var requestId = filed["requestId"]!.GetValue<string>();

        var tooEarly = await residents.Anonymous().PostAsJsonAsync($"/api/requests/track/{code}/rating", new { score = 5 });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);

        // Accepted: a draft need prefilled from the request; still 已受理 until it is published.
        var accepted = (await (await branch.PostAsync($"/api/requests/inbox/{requestId}/accept", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var needId = Guid.Parse(accepted["needId"]!.GetValue<string>());
        var need = await community.NeedAsync(needId);
        Assert.Equal(("draft", "李奶奶", "elderly_care"), (need["status"]!.GetValue<string>(), need["contactName"]!.GetValue<string>(), need["category"]!.GetValue<string>()));
        Assert.Equal("received", (await residents.TrackingAsync(code))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await branch.PostAsync($"/api/requests/inbox/{requestId}/accept", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish", null)).StatusCode);
        Assert.Equal("dispatched", (await residents.TrackingAsync(code))["state"]!.GetValue<string>());
        Assert.Null((await residents.TrackingAsync(code))["teamName"]);

        var teamId = Guid.NewGuid();
        await community.PublishAsync(new TeamHatched(new TeamProfile(teamId, "银龄先锋服务队", "volunteer_team", community.Id, community.StreetId,
            community.DistrictId, ["elderly_care"], [], "community", 3, 12, "hatched", DateTimeOffset.UtcNow, 3), DateTimeOffset.UtcNow));
        await community.WaitForAsync("select count(*) from team_standings where team_id = @teamId and name is not null", new { teamId });
        await community.PublishAsync(new OrderClaimed(needId, teamId, DateTimeOffset.UtcNow, 1));
        await community.WaitForStatusAsync(needId, "claimed");
        var claimed = await residents.TrackingAsync(code);
        Assert.Equal(("dispatched", "银龄先锋服务队"), (claimed["state"]!.GetValue<string>(), claimed["teamName"]!.GetValue<string>()));

        await community.PublishAsync(new OrderStarted(needId, teamId, DateTimeOffset.UtcNow, 2));
        await community.WaitForStatusAsync(needId, "in_service");
        Assert.Equal("in_service", (await residents.TrackingAsync(code))["state"]!.GetValue<string>());
        await community.PublishAsync(new OrderCompleted(needId, teamId, 2, 2, "陪同买菜，老人满意", DateTimeOffset.UtcNow, 3));
        await community.WaitForStatusAsync(needId, "completed");
        var completed = await residents.TrackingAsync(code);
        Assert.True(completed["canRate"]!.GetValue<bool>());
        Assert.DoesNotContain("陪同买菜", completed.ToJsonString(), StringComparison.Ordinal);

        using var anonymous = residents.Anonymous();
        var rated = await anonymous.PostAsJsonAsync($"/api/requests/track/{code}/rating", new { score = 4, comment = "李奶奶说很满意" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(4, (await rated.Content.ReadFromJsonAsync<JsonObject>())!["residentScore"]!.GetValue<int>());
        var again = await anonymous.PostAsJsonAsync($"/api/requests/track/{code}/rating", new { score = 1 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // One ResidentRated, with the score and the team, and nothing of the resident (the comment stays here).
        var events = await community.QueryAsync<string>(
            "select coalesce(json_agg(body)::text, '[]') from outbox_messages where message_type = @Type and body->>'requestId' = @requestId",
            new { Type = nameof(ResidentRated), requestId });
        var evt = Assert.Single(JsonNode.Parse(events)!.AsArray())!;
        Assert.Equal((4, teamId.ToString()), (evt["score"]!.GetValue<int>(), evt["teamId"]!.GetValue<string>()));
        Assert.DoesNotContain("李奶奶", evt.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    private static string UniquePhone() => $"13{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
}
