using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Requests;

/// <summary>The branch's inbox: its own community only, newest first, duplicates flagged; merge, decline, and 帮办.</summary>
[Collection(NeedsCollection.Name)]
public sealed class RequestsInboxTests(NeedsService service)
{
    [Fact]
    public async Task The_inbox_is_the_communitys_own_newest_first_with_same_phone_and_similar_text_flagged()
    {
        var residents = await Residents.OpenAsync(service);
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var first = await residents.FiledAsync(residents.Form(phone, description: "想请人帮忙修一下漏水的水龙头"));
        var again = await residents.FiledAsync(residents.Form(phone, description: "家里灯坏了"));
        var similar = await residents.FiledAsync(residents.Form("13600001111", address: "汇泉小区8号楼", name: "孙伯",
            category: "environment", description: "想请人帮忙修一下漏水的水龙头吧"));
        var unrelated = await residents.FiledAsync(residents.Form("13700002222", address: "汇泉小区7号楼", name: "周姐",
            category: "legal_aid", description: "咨询房屋租赁合同纠纷"));

        var inbox = await residents.InboxAsync();
        string Id(JsonObject filed) => filed["requestId"]!.GetValue<string>();
        Assert.Equal(new[] { Id(unrelated), Id(similar), Id(again), Id(first) }, inbox.Select(r => r!["id"]!.GetValue<string>()));
        JsonArray Flags(JsonObject filed) => inbox.Single(r => r!["id"]!.GetValue<string>() == Id(filed))!["possibleDuplicates"]!.AsArray();
        Assert.Contains(Flags(again), d => d!["requestId"]!.GetValue<string>() == Id(first) && d["reason"]!.GetValue<string>() == "same_phone_and_category");
        Assert.Contains(Flags(similar), d => d!["requestId"]!.GetValue<string>() == Id(first) && d["reason"]!.GetValue<string>() == "similar_text");
        Assert.Empty(Flags(unrelated));
        Assert.Equal(phone, inbox.Last()!["contactPhone"]!.GetValue<string>());

        // Another community's branch sees none of it and cannot act on it.
        var elsewhere = new Community(service);
        using var otherBranch = elsewhere.Branch();
        Assert.Empty((await otherBranch.GetFromJsonAsync<JsonObject>("/api/requests/inbox"))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync($"/api/requests/inbox/{Id(first)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.PostAsJsonAsync($"/api/requests/inbox/{Id(first)}/decline", new { reason = "x" })).StatusCode);
        // Nor does a team, a coordinator or an anonymous caller read the inbox.
        using var team = residents.Community.Team(Guid.NewGuid());
        using var coordinator = residents.Community.Coordinator();
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/requests/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/requests/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await residents.Anonymous().GetAsync("/api/requests/inbox")).StatusCode);
    }

    [Fact]
    public async Task A_declined_request_shows_its_reason_a_merged_one_follows_its_need_and_a_branch_files_for_a_resident()
    {
        var residents = await Residents.OpenAsync(service);
        using var branch = residents.Community.Branch();
        var declined = await residents.FiledAsync(residents.Form("13811112222"));
        var reason = "该服务需由区残联办理，请拨打 12345 咨询";
        var answer = await branch.PostAsJsonAsync($"/api/requests/inbox/{declined["requestId"]}/decline", new { reason });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var tracking = await residents.TrackingAsync(declined["trackingCode"]!.GetValue<string>());
        Assert.Equal(("declined", reason), (tracking["state"]!.GetValue<string>(), tracking["declineReason"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await branch.PostAsJsonAsync($"/api/requests/inbox/{declined["requestId"]}/decline", new { reason = "" })).StatusCode);

        var needId = await residents.Community.PublishedAsync();
        var merged = await residents.FiledAsync(residents.Form("13822223333"));
        Assert.Equal(HttpStatusCode.NotFound, (await branch.PostAsJsonAsync($"/api/requests/inbox/{merged["requestId"]}/merge", new { needId = Guid.NewGuid() })).StatusCode);
        var joined = await branch.PostAsJsonAsync($"/api/requests/inbox/{merged["requestId"]}/merge", new { needId });
        Assert.Equal(needId.ToString(), (await joined.Content.ReadFromJsonAsync<JsonObject>())!["needId"]!.GetValue<string>());
        Assert.Equal("dispatched", (await residents.TrackingAsync(merged["trackingCode"]!.GetValue<string>()))["state"]!.GetValue<string>());

        // 帮办: the branch files in person; no limit applies, the request is marked as filed for the resident.
        var assisted = await branch.PostAsJsonAsync("/api/requests/assisted", new
        {
            category = "health", description = "电话求助：需要上门量血压", wantedAt = DateTimeOffset.UtcNow.AddDays(1),
            contactName = "吴奶奶", contactPhone = "0532-8888 6666", address = "汇泉小区2号楼", consent = true,
        });
        Assert.Equal(HttpStatusCode.Created, assisted.StatusCode);
        var item = (await residents.InboxAsync()).First()!;
        Assert.Equal(("assisted", "吴奶奶"), (item["channel"]!.GetValue<string>(), item["contactName"]!.GetValue<string>()));
        Assert.NotNull(item["filedBy"]);
    }

    [Fact]
    public async Task The_poster_gives_the_public_pages_address_and_a_PNG_QR_code()
    {
        var residents = await Residents.OpenAsync(service);
        using var branch = residents.Community.Branch();
        var poster = (await branch.GetFromJsonAsync<JsonObject>("/api/requests/poster"))!;
        Assert.EndsWith($"/ask/{residents.Community.Id}", poster["askUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("汇泉社区", poster["communityName"]!.GetValue<string>());

        var png = await branch.GetAsync("/api/requests/poster/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }
}
