using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

/// <summary>A completion that names who served: the totals follow from the rows, and the event carries them to the ledger.</summary>
[Collection(MatchingCollection.Name)]
public sealed class AttendanceTests(MatchingService service)
{
    [Fact]
    public async Task Attendance_rows_make_the_totals_and_travel_in_the_completion_event()
    {
        var (street, team, needId, client) = await InServiceAsync();
        var (wang, zhao) = (await street.MemberAsync(team), await street.MemberAsync(team));

        var response = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new
        {
            summary = "陪老人聊天，打扫房间",
            attendance = new[] { new { memberId = wang, hours = 2.5m }, new { memberId = zhao, hours = 1.5m } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((4m, 2), await street.QueryAsync<(decimal, int)>("select service_hours, volunteers_count from orders where need_id = @needId", new { needId }));
        var body = await street.QueryAsync<string>("select body::text from outbox_messages where message_type = 'OrderCompleted' and body->>'needId' = @id", new { id = needId.ToString() });
        var completed = JsonSerializer.Deserialize<OrderCompleted>(body, JsonSerializerOptions.Web)!;
        Assert.Equal([new Attendance(wang, 2.5m), new Attendance(zhao, 1.5m)], completed.Attendance);
        Assert.Equal(("elderly_care", team.CommunityId, "team", 4m, 2), (completed.Category, completed.CommunityId, completed.RecordedBy, completed.ServiceHours, completed.VolunteersCount));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), completed.ServedOn);
    }

    [Fact]
    public async Task Totals_alone_still_complete_an_order_and_totals_that_disagree_with_the_rows_are_a_400()
    {
        var (street, team, needId, client) = await InServiceAsync();
        var member = await street.MemberAsync(team);

        var disagreeing = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new
        {
            serviceHours = 5m, volunteersCount = 2, summary = "陪老人", attendance = new[] { new { memberId = member, hours = 2m } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, disagreeing.StatusCode);
        Assert.Equal(["serviceHours", "volunteersCount"], await ErrorKeysAsync(disagreeing));
        var agreeing = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new
        {
            serviceHours = 2m, volunteersCount = 1, summary = "陪老人", attendance = new[] { new { memberId = member, hours = 2m } },
        });
        Assert.Equal(HttpStatusCode.OK, agreeing.StatusCode);

        var (_, _, other, otherClient) = await InServiceAsync();
        Assert.Equal(HttpStatusCode.OK, (await otherClient.PostAsJsonAsync($"/api/orders/{other}/complete", new { serviceHours = 3m, volunteersCount = 4, summary = "只报总数" })).StatusCode);
        var body = await street.QueryAsync<string>("select body::text from outbox_messages where message_type = 'OrderCompleted' and body->>'needId' = @id", new { id = other.ToString() });
        Assert.Empty(JsonSerializer.Deserialize<OrderCompleted>(body, JsonSerializerOptions.Web)!.Attendance!);
    }

    [Fact]
    public async Task Rows_with_mistakes_are_a_400_per_row_and_the_order_stays_in_service()
    {
        var (street, team, needId, client) = await InServiceAsync();
        var member = await street.MemberAsync(team);

        var response = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new
        {
            summary = "服务完成",
            attendance = new object[] { new { memberId = member, hours = 0m }, new { memberId = member, hours = 25m }, new { hours = 1m } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["attendance", "attendance[0].hours", "attendance[1].hours", "attendance[2].memberId"], await ErrorKeysAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new { summary = "空", attendance = Array.Empty<object>() })).StatusCode);
        Assert.Equal("in_service", await street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId }));
    }

    [Fact]
    public async Task Only_members_of_the_team_who_had_not_left_before_the_service_may_be_named()
    {
        var (street, team, needId, client) = await InServiceAsync();
        var member = await street.MemberAsync(team);
        var left = await street.MemberAsync(team, leftOn: new DateOnly(2025, 12, 31));
        var othersMember = await street.MemberAsync(await street.TeamAsync(team.CommunityId));
        var unknown = Guid.NewGuid();

        var response = await client.PostAsJsonAsync($"/api/orders/{needId}/complete", new
        {
            summary = "服务完成",
            attendance = new[] { member, left, othersMember, unknown }.Select(id => new { memberId = id, hours = 2m }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["attendance[1].memberId", "attendance[2].memberId", "attendance[3].memberId"], await ErrorKeysAsync(response));
        Assert.Equal("in_service", await street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId }));
    }

    [Fact]
    public async Task An_older_member_event_does_not_undo_a_newer_one()
    {
        var street = new Street(service);
        var team = await street.TeamAsync(await street.CommunityAsync("西由"));
        var member = await street.MemberAsync(team);

        await street.PublishAsync(new TeamMemberChanged(member, team.TeamId, new DateOnly(2025, 3, 1), new DateOnly(2026, 1, 31), 3, DateTimeOffset.UtcNow));
        await street.WaitForAsync("select count(*) from team_members where member_id = @member and version = 3", new { member });
        await street.PublishAsync(new TeamMemberChanged(member, team.TeamId, new DateOnly(2025, 3, 1), null, 2, DateTimeOffset.UtcNow));
        var marker = await street.MemberAsync(team); // handled after the stale event on the same queue

        Assert.Equal(new DateTime(2026, 1, 31), await street.QueryAsync<DateTime>("select left_on from team_members where member_id = @member", new { member }));
        Assert.NotEqual(Guid.Empty, marker);
    }

    private async Task<(Street Street, TeamProfile Team, Guid NeedId, HttpClient Client)> InServiceAsync()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var team = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        var client = street.As(team);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/start", null)).StatusCode);
        return (street, team, needId, client);
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
