using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

[Collection(NeedsCollection.Name)]
public sealed class NeedsApiTests(NeedsService service)
{
    [Fact]
    public async Task A_branch_creates_a_draft_in_its_own_community_with_a_location()
    {
        var community = new Community(service);
        using var branch = community.Branch();

        var response = await branch.PostAsJsonAsync("/api/needs", Community.NeedBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var need = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/needs/{need["id"]}", response.Headers.Location!.ToString());
        Assert.Equal("draft", need["status"]!.GetValue<string>());
        Assert.Equal(community.Id.ToString(), need["communityId"]!.GetValue<string>());
        Assert.Equal(community.StreetId.ToString(), need["streetId"]!.GetValue<string>());
        Assert.Equal("139-0000 1111", need["contactPhone"]!.GetValue<string>());
        Assert.Equal("urgent", need["urgency"]!.GetValue<string>());
        Assert.Null(need["rating"]);
    }

    [Fact]
    public async Task Publishing_relays_NeedPublished_without_the_residents_personal_data()
    {
        var community = new Community(service);
        var id = await community.DraftAsync();
        using var branch = community.Branch();

        var response = await branch.PostAsync($"/api/needs/{id}/publish", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var need = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("published", need["status"]!.GetValue<string>());
        Assert.NotNull(need["publishedAt"]);
        const string relayed = """
            select count(*) from outbox_messages
            where message_type = 'NeedPublished' and body->>'needId' = @id and sent_at is not null
            """;
        await Eventually.TrueAsync(async () => await community.QueryAsync<long>(relayed, new { id = id.ToString() }) == 1,
            because: "the relay should send NeedPublished and mark it sent");
        var body = await community.QueryAsync<string>(
            "select body::text from outbox_messages where message_type = 'NeedPublished' and body->>'needId' = @id", new { id = id.ToString() });
        var published = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(community.Id.ToString(), published["communityId"]!.GetValue<string>());
        foreach (var personal in new[] { "contactName", "contactPhone", "address", "description" })
            Assert.False(published.ContainsKey(personal), $"NeedPublished must not carry {personal}");
        Assert.DoesNotContain("1111", body, StringComparison.Ordinal);
        Assert.DoesNotContain("李奶奶", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_need_gets_400_listing_every_problem_and_nothing_is_stored()
    {
        var community = new Community(service);
        using var branch = community.Branch();

        var response = await branch.PostAsJsonAsync("/api/needs", new
        {
            title = "", description = new string('x', 4001), category = "cooking", volunteersNeeded = 0,
            skills = Enumerable.Range(0, 21).Select(i => $"skill {i}").ToArray(),
            startsAt = DateTime.UtcNow.AddDays(2), endsAt = DateTime.UtcNow.AddDays(1), claimDeadline = DateTime.UtcNow.AddDays(3),
            urgency = "asap", beneficiaries = -1, contactPhone = "call me",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Equivalent(new[] { "title", "description", "category", "volunteersNeeded", "skills", "endsAt", "claimDeadline",
            "urgency", "beneficiaries", "contactPhone" }, fields);
        Assert.Equal(0L, await community.QueryAsync<long>("select count(*) from needs where community_id = @Id", new { community.Id }));
    }

    [Fact]
    public async Task Only_a_branch_creates_needs_others_get_403()
    {
        var community = new Community(service);
        foreach (var client in new[] { community.Team(Guid.NewGuid()), community.Coordinator(), community.Admin() })
        {
            using (client)
            {
                var response = await client.PostAsJsonAsync("/api/needs", Community.NeedBody());
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            }
        }
    }

    [Fact]
    public async Task Another_communitys_branch_neither_sees_nor_touches_the_need()
    {
        var community = new Community(service);
        var id = await community.DraftAsync();
        using var stranger = new Community(service).Branch();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/needs/{id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/needs/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "不需要了" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/needs/{id}", Community.NeedBody())).StatusCode);
        Assert.Equal("draft", await community.StatusAsync(id));
    }

    [Fact]
    public async Task A_coordinator_sees_its_streets_needs_but_not_another_streets()
    {
        var community = new Community(service);
        var id = await community.DraftAsync();
        using var own = community.Coordinator();
        using var other = new Community(service).Coordinator();
        using var admin = community.Admin();
        using var team = community.Team(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsync($"/api/needs/{id}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Rating_before_completion_gets_409_naming_the_status()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        using var branch = community.Branch();

        var response = await branch.PostAsJsonAsync($"/api/needs/{id}/rating", new { score = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains("published", detail, StringComparison.Ordinal);
        Assert.Contains("completed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_twice_gets_409_and_one_event()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        using var branch = community.Branch();

        var again = await branch.PostAsync($"/api/needs/{id}/publish", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1L, await community.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'NeedPublished' and body->>'needId' = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_records_it_in_the_timeline()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        using var branch = community.Branch();

        var withoutReason = await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = " " });
        var cancelled = await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "老人已入住养老院" });
        var again = await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "再次取消" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var need = (await cancelled.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("cancelled", need["status"]!.GetValue<string>());
        Assert.Equal("老人已入住养老院", need["cancelReason"]!.GetValue<string>());
        var timeline = await community.TimelineAsync(id);
        Assert.Equal(["draft", "published", "cancelled"], timeline.Select(e => e!["toStatus"]!.GetValue<string>()));
        Assert.Equal("老人已入住养老院", timeline[2]!["reason"]!.GetValue<string>());
        Assert.Equal(1L, await community.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'NeedCancelled' and body->>'needId' = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_draft_may_be_edited_a_published_need_may_not()
    {
        var community = new Community(service);
        var id = await community.DraftAsync();
        using var branch = community.Branch();

        var edited = await branch.PutAsJsonAsync($"/api/needs/{id}", Community.NeedBody(title: "陪老人去医院复查", category: "health"));
        var invalid = await branch.PutAsJsonAsync($"/api/needs/{id}", new { title = "缺少其他字段" });
        await branch.PostAsync($"/api/needs/{id}/publish", null);
        var afterPublish = await branch.PutAsJsonAsync($"/api/needs/{id}", Community.NeedBody());

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("health", (await edited.Content.ReadFromJsonAsync<JsonObject>())!["category"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterPublish.StatusCode);
        Assert.Equal("陪老人去医院复查", (await community.NeedAsync(id))["title"]!.GetValue<string>());
        Assert.Equal(1L, await community.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'NeedUpdated' and body->>'needId' = @id", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Lists_are_scoped_to_the_callers_community_or_street_and_filtered()
    {
        var community = new Community(service);
        var neighbour = new Community(service);
        var draft = await community.DraftAsync(Community.NeedBody(title: "辅导功课", category: "child_welfare"));
        var published = await community.PublishedAsync();
        await neighbour.DraftAsync();
        using var branch = community.Branch();
        using var coordinator = community.Coordinator();
        using var team = community.Team(Guid.NewGuid());

        var all = (await branch.GetFromJsonAsync<JsonObject>("/api/needs"))!;
        var onlyPublished = (await branch.GetFromJsonAsync<JsonObject>("/api/needs?status=published"))!;
        var byCategoryAndText = (await branch.GetFromJsonAsync<JsonObject>("/api/needs?category=child_welfare&q=功课"))!;
        var paged = (await branch.GetFromJsonAsync<JsonObject>("/api/needs?page=2&pageSize=1"))!;
        var streetWide = (await coordinator.GetFromJsonAsync<JsonObject>("/api/needs"))!;

        Assert.Equal(2, all["total"]!.GetValue<long>());
        Assert.Equal([published, draft], Ids(all)); // newest first
        Assert.Equal([published], Ids(onlyPublished));
        Assert.Equal([draft], Ids(byCategoryAndText));
        Assert.Equal([draft], Ids(paged));
        Assert.Equal(2, paged["total"]!.GetValue<long>());
        Assert.Equal(2, streetWide["total"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync("/api/needs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync($"/api/needs?communityId={neighbour.Id}")).StatusCode);
        foreach (var bad in new[] { "status=open", "category=cooking", "page=0", "pageSize=101" })
            Assert.Equal(HttpStatusCode.BadRequest, (await branch.GetAsync($"/api/needs?{bad}")).StatusCode);
    }

    private static Guid[] Ids(JsonObject page) =>
        page["items"]!.AsArray().Select(n => Guid.Parse(n!["id"]!.GetValue<string>())).ToArray();

    [Theory]
    [InlineData(0, null, "score")]
    [InlineData(6, null, "score")]
    [InlineData(-1, null, "score")]
    [InlineData(null, "很好", "score")]
    [InlineData(5, 1001, "comment")]
    public async Task A_rating_outside_one_to_five_or_with_a_comment_over_1000_characters_gets_400_and_changes_nothing(int? score, object? comment, string field)
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        await community.PublishAsync(new OrderCompleted(id, Guid.NewGuid(), 2, 2, "已完成", DateTimeOffset.UtcNow, 3));
        await community.WaitForStatusAsync(id, "completed");
        using var branch = community.Branch();
        var text = comment is int length ? new string('好', length) : (string?)comment;

        var response = await branch.PostAsJsonAsync($"/api/needs/{id}/rating", new { score, comment = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field), $"errors should name {field}");
        Assert.Equal("completed", await community.StatusAsync(id));
        Assert.Equal(0L, await community.QueryAsync<long>("select count(*) from outbox_messages where message_type = 'NeedRated' and body->>'needId' = @id", new { id = id.ToString() }));
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsJsonAsync($"/api/needs/{id}/rating", new { score = 5, comment = new string('好', 1000) })).StatusCode);
    }
}
