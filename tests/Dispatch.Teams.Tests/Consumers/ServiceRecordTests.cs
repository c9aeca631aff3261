using System.Net;
using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Teams.Tests.Consumers;

/// <summary>The service-hours ledger: a completion's attendance becomes records, and a correction is a new record.</summary>
[Collection(TeamsCollection.Name)]
public sealed class ServiceRecordTests(TeamsService service)
{
    private IBus Bus => service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_completion_with_attendance_makes_a_record_per_member_once_however_often_it_arrives()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var (wang, zhao) = (await Members.AddAsync(client, team.Id, "王桂兰"), await Members.AddAsync(client, team.Id, "赵志强"));
        var completed = Completion(team.Id, street.Community.Id, new Attendance(wang.Id, 2.5m), new Attendance(zhao.Id, 1.5m));

        var messageId = Guid.NewGuid();
        await Bus.Publish(completed, c => c.MessageId = messageId);
        await Bus.Publish(completed, c => c.MessageId = messageId);
        await Bus.Publish(completed); // the same completion again under another id: one row per member and order still

        var records = await Eventually.ReturnsAsync(() => RecordsAsync(client, team.Id, wang.Id), p => p.Total > 0, because: "the completion reaches the ledger");
        var record = Assert.Single(records.Items);
        Assert.Equal((completed.NeedId, new DateOnly(2026, 5, 2), "elderly_care", "养老服务", street.Community.Id, "汇泉", 2.5m, "team-account", true),
            (record.NeedId, record.ServedOn, record.Category, record.CategoryName, record.CommunityId, record.CommunityName, record.Hours, record.RecordedBy, record.Current));
        Assert.Equal((team.Id, team.Name), (record.TeamId, record.TeamName));
        Assert.Equal(1.5m, Assert.Single((await RecordsAsync(client, team.Id, zhao.Id)).Items).Hours);
        Assert.Equal(2.5m, (await client.GetFromJsonAsync<MemberView>($"/api/teams/{team.Id}/members/{wang.Id}"))!.ServiceHours);
        // The marker: a later completion on the same queue, so the duplicate before it has been handled.
        await Bus.Publish(Completion(team.Id, street.Community.Id, new Attendance(wang.Id, 1m)));
        await Eventually.ReturnsAsync(() => RecordsAsync(client, team.Id, wang.Id), p => p.Total == 2, because: "the marker is recorded");
        Assert.Equal(3.5m, (await client.GetFromJsonAsync<MemberView>($"/api/teams/{team.Id}/members/{wang.Id}"))!.ServiceHours);
    }

    [Fact]
    public async Task A_correction_is_a_new_record_that_names_what_it_corrects_and_the_old_one_stays()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var member = await Members.AddAsync(client, team.Id, "孙丽华");
        await Bus.Publish(Completion(team.Id, street.Community.Id, new Attendance(member.Id, 4m)));
        var original = Assert.Single((await Eventually.ReturnsAsync(() => RecordsAsync(client, team.Id, member.Id), p => p.Total == 1)).Items);
        var path = $"/api/teams/{team.Id}/members/{member.Id}/records";

        // The street's coordinator corrects the team's report: she served three hours, not four.
        var response = await street.Coordinator.PostAsJsonAsync(path, new { correctsId = original.Id, hours = 3m, reason = "签到表显示 14:00–17:00" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var correction = (await response.Content.ReadFromJsonAsync<ServiceRecordView>())!;
        Assert.Equal($"{path}/{correction.Id}", response.Headers.Location?.ToString());
        Assert.Equal((original.Id, 3m, "签到表显示 14:00–17:00", "coordinator", true),
            (correction.CorrectsId, correction.Hours, correction.Reason, correction.RecordedBy, correction.Current));
        Assert.Equal((original.NeedId, original.ServedOn, original.Category, original.CommunityId), (correction.NeedId, correction.ServedOn, correction.Category, correction.CommunityId));
        var ledger = await RecordsAsync(client, team.Id, member.Id);
        Assert.Equal(2, ledger.Total);
        var kept = ledger.Items.Single(r => r.Id == original.Id);
        Assert.Equal((4m, correction.Id, false), (kept.Hours, kept.CorrectedById, kept.Current)); // nothing overwritten
        Assert.Equal(3m, (await client.GetFromJsonAsync<MemberView>($"/api/teams/{team.Id}/members/{member.Id}"))!.ServiceHours);

        // The old record cannot be corrected twice; a correction that changes nothing is a mistake; a correction of the correction is fine.
        var twice = await client.PostAsJsonAsync(path, new { correctsId = original.Id, hours = 2m, reason = "再改" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains(correction.Id.ToString(), (await twice.Content.ReadFromJsonAsync<ProblemView>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(path, new { correctsId = correction.Id, hours = 3m, reason = "不变" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(path, new { correctsId = correction.Id, hours = 0m, reason = "当天实际未到岗" })).StatusCode);
        Assert.Equal(0m, (await client.GetFromJsonAsync<MemberView>($"/api/teams/{team.Id}/members/{member.Id}"))!.ServiceHours);
        Assert.Equal(3, (await RecordsAsync(client, team.Id, member.Id)).Total);
    }

    [Fact]
    public async Task Corrections_need_a_reason_and_hours_within_a_day_and_only_the_keepers_of_the_list_make_them()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var member = await Members.AddAsync(client, team.Id, "钱国强");
        await Bus.Publish(Completion(team.Id, street.Community.Id, new Attendance(member.Id, 2m)));
        var original = Assert.Single((await Eventually.ReturnsAsync(() => RecordsAsync(client, team.Id, member.Id), p => p.Total == 1)).Items);
        var path = $"/api/teams/{team.Id}/members/{member.Id}/records";

        var invalid = await client.PostAsJsonAsync(path, new { correctsId = original.Id, hours = 25m });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["hours", "reason"], (await invalid.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(path, new { correctsId = Guid.NewGuid(), hours = 1m, reason = "无此记录" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(other.Id).PostAsJsonAsync(path, new { correctsId = original.Id, hours = 1m, reason = "别队" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Admin.PostAsJsonAsync(path, new { correctsId = original.Id, hours = 1m, reason = "管理员" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(other.Id).GetAsync(path)).StatusCode);
        Assert.Equal(1, (await RecordsAsync(client, team.Id, member.Id)).Total);
    }

    private static OrderCompleted Completion(Guid teamId, Guid communityId, params Attendance[] attendance) =>
        new(Guid.NewGuid(), teamId, attendance.Sum(a => a.Hours), attendance.Length, "陪老人聊天", new DateTimeOffset(2026, 5, 2, 9, 30, 0, TimeSpan.Zero), 4,
            attendance, "elderly_care", communityId, new DateOnly(2026, 5, 2), "team-account");

    private static async Task<ServiceRecordPage> RecordsAsync(HttpClient client, Guid teamId, Guid memberId) =>
        (await client.GetFromJsonAsync<ServiceRecordPage>($"/api/teams/{teamId}/members/{memberId}/records"))!;
}
