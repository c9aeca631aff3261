using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.Needs.Retention;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Requests;

/// <summary>Residents' personal data of needs and requests closed longer ago than Privacy__RetentionDays is erased; the rest stays counted.</summary>
[Collection(NeedsCollection.Name)]
public sealed class RetentionTests(NeedsService service)
{
    [Fact]
    public async Task A_sweep_erases_the_personal_data_closed_past_the_retention_period_and_keeps_the_figures()
    {
        var residents = await Residents.OpenAsync(service);
        var community = residents.Community;
        using var branch = community.Branch();

        // A request accepted, served and rated; one declined; one still open. All "now".
        var served = await residents.FiledAsync(residents.Form("13933334444", name: "郑爷爷", address: "汇泉小区5号楼"));
        var accepted = (await (await branch.PostAsync($"/api/requests/inbox/{served["requestId"]}/accept", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var needId = Guid.Parse(accepted["needId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish", null)).StatusCode);
        var teamId = Guid.NewGuid();
        await community.PublishAsync(new OrderClaimed(needId, teamId, DateTimeOffset.UtcNow, 1));
        await community.PublishAsync(new OrderCompleted(needId, teamId, 2, 1, "送菜上门", DateTimeOffset.UtcNow, 2));
        await community.WaitForStatusAsync(needId, "completed");
        Assert.Equal(HttpStatusCode.OK, (await residents.Anonymous().PostAsJsonAsync(
            $"/api/requests/track/{served["trackingCode"]}/rating", new { score = 5, comment = "郑爷爷很感谢" })).StatusCode);
        var declined = await residents.FiledAsync(residents.Form("13944445555", name: "冯阿姨", address: "汇泉小区6号楼"));
        await branch.PostAsJsonAsync($"/api/requests/inbox/{declined["requestId"]}/decline", new { reason = "重复提交" });
        var open = await residents.FiledAsync(residents.Form("13955556666", name: "陈叔", address: "汇泉小区7号楼"));
        var listedBefore = await ListedAsync(branch);

        // 300 days on, nothing is due; 366 days on, the served and the declined are, the open one never.
        var database = service.Services.GetRequiredService<Database>();
        var privacy = service.Services.GetRequiredService<IOptions<PrivacyOptions>>();
        var early = await new RetentionSweep(database, privacy, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(300))).RunAsync(default);
        Assert.Equal(0, await ErasedAsync(community, needId));
        var outcome = await new RetentionSweep(database, privacy, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(366))).RunAsync(default);
        Assert.NotNull(early);
        Assert.True(outcome!.Needs >= 1 && outcome.Requests >= 2, $"the sweep should erase the served need and both closed requests: {outcome}");

        var need = await community.NeedAsync(needId);
        Assert.Null(need["contactName"]);
        Assert.Null(need["contactPhone"]);
        Assert.Null(need["address"]);
        Assert.Equal("completed", need["status"]!.GetValue<string>());
        var inbox = await residents.InboxAsync();
        string? Field(JsonObject filed, string name) => inbox.Single(r => r!["id"]!.GetValue<string>() == filed["requestId"]!.GetValue<string>())![name]?.GetValue<string>();
        foreach (var closed in new[] { served, declined })
            foreach (var personal in new[] { "contactName", "contactPhone", "address", "description", "residentComment" })
                Assert.Null(Field(closed, personal));
        Assert.Equal("陈叔", Field(open, "contactName"));
        // The figures stay: the need is still listed and counted, the resident's score kept, the decline reason too.
        Assert.Equal(listedBefore, await ListedAsync(branch));
        Assert.Equal(5, inbox.Single(r => r!["id"]!.GetValue<string>() == served["requestId"]!.GetValue<string>())!["residentScore"]!.GetValue<int>());
        Assert.Equal("declined", (await residents.TrackingAsync(declined["trackingCode"]!.GetValue<string>()))["state"]!.GetValue<string>());
        // Nothing of the residents anywhere in the two rows.
        var rows = await community.QueryAsync<string>("""
            select concat_ws('|', (select row_to_json(n)::text from needs n where n.id = @needId),
                (select json_agg(r)::text from resident_requests r where r.community_id = @Id and r.personal_data_erased_at is not null))
            """, new { needId, community.Id });
        foreach (var personal in new[] { "郑爷爷", "13933334444", "汇泉小区5号楼", "冯阿姨", "13944445555", "汇泉小区6号楼" })
            Assert.DoesNotContain(personal, rows, StringComparison.Ordinal);

        // A second sweep leaves what is erased as it was: the erasure happened once.
        const string erasedAt = "select personal_data_erased_at from needs where id = @needId";
        var first = await community.QueryAsync<DateTime>(erasedAt, new { needId });
        Assert.NotNull(await new RetentionSweep(database, privacy, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(400))).RunAsync(default));
        Assert.Equal(first, await community.QueryAsync<DateTime>(erasedAt, new { needId }));
    }

    private static async Task<long> ListedAsync(HttpClient branch) =>
        (await branch.GetFromJsonAsync<JsonObject>("/api/needs"))!["total"]!.GetValue<long>();

    private static Task<long> ErasedAsync(Community community, Guid needId) =>
        community.QueryAsync<long>("select count(*) from needs where id = @needId and personal_data_erased_at is not null", new { needId });
}
