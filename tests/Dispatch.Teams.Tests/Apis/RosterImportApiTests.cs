using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>A coordinator's roster import: the per-row report on a mixed file, and no duplicates on a second import.</summary>
[Collection(TeamsCollection.Name)]
public sealed class RosterImportApiTests(TeamsService service)
{
    private static string Roster(string suffix) => $"""
        队伍名称,类型,社区,服务类别,技能,服务范围,承接能力,成员数,负责人,联系电话,备注
        银龄先锋队-{suffix},志愿服务队伍,汇泉,养老服务、医疗健康,"入户探访,测血压",本社区,3,20,王建国,138-0000-1234,老队伍
        光州普法社-{suffix},社区社会组织,光州,legal_aid,法律咨询,全街道,2,8,李律师,139 0000 5678,
        ,志愿服务队伍,汇泉,养老服务,,本社区,3,20,张三,13800001111,没有名字
        编织小组-{suffix},兴趣小组,汇泉,编织,,本社区,三个,20,赵四,13800002222,
        外街道队-{suffix},志愿服务队伍,不存在社区,养老服务,,本社区,3,20,钱五,13800003333,
        银龄先锋队-{suffix},志愿服务队伍,汇泉,养老服务,,本社区,3,20,王建国,138-0000-1234,同一行又写了一遍
        """;

    [Fact]
    public async Task A_mixed_roster_registers_the_good_rows_and_reports_every_bad_one()
    {
        var street = await Street.CreateAsync(service);
        var suffix = Guid.NewGuid().ToString("N")[..6];

        var response = await street.Coordinator.PostAsync("/api/teams/import", Csv(Roster(suffix)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<ImportReportView>())!;
        Assert.Equal((2, 1, 3), (report.Created, report.Duplicates, report.Invalid));
        Assert.Equal(["备注"], report.IgnoredColumns);
        Assert.Equal([(2, "created"), (3, "created"), (4, "invalid"), (5, "invalid"), (6, "invalid"), (7, "duplicate")],
            report.Rows.Select(r => (r.Line, r.Outcome)).ToArray());
        Assert.Equal(["name"], report.Rows[2].Errors!.Keys);
        Assert.Equal(["capacity", "categories", "kind"], report.Rows[3].Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("不存在社区", report.Rows[4].Errors!["communityId"].Single());
        Assert.Equal(report.Rows[0].TeamId, report.Rows[5].TeamId);

        var silver = (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{report.Rows[0].TeamId}"))!;
        Assert.Equal(($"银龄先锋队-{suffix}", "incubating", street.Community.Id, "volunteer_team"), (silver.Name, silver.Status, silver.CommunityId, silver.Kind));
        Assert.Equal(["elderly_care", "health"], silver.Categories);
        Assert.Equal(["入户探访", "测血压"], silver.Skills);
        var law = (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{report.Rows[1].TeamId}"))!;
        Assert.Equal(("social_org", street.Neighbour.Id, "street", "139 0000 5678"), (law.Kind, law.CommunityId, law.ServiceArea, law.LeaderPhone));
        var history = (await street.Coordinator.GetFromJsonAsync<HistoryView[]>($"/api/teams/{law.Id}/history"))!;
        Assert.Equal("roster import", Assert.Single(history).Reason);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_registers_nothing_the_second_time()
    {
        var street = await Street.CreateAsync(service);
        var roster = Roster(Guid.NewGuid().ToString("N")[..6]);
        var first = await ReportAsync(street.Coordinator.PostAsync("/api/teams/import", Csv(roster)));

        var second = await ReportAsync(street.Coordinator.PostAsync("/api/teams/import", Multipart(roster)));

        Assert.Equal((0, 3, 3), (second.Created, second.Duplicates, second.Invalid));
        Assert.Equal(first.Rows.Select(r => r.TeamId), second.Rows.Select(r => r.TeamId));
        Assert.Equal(2, (await street.Coordinator.GetFromJsonAsync<TeamPage>($"/api/teams?streetId={street.StreetId}"))!.Total);
    }

    [Fact]
    public async Task A_roster_saved_by_Excel_in_GB18030_with_English_headers_may_be_imported_as_applications()
    {
        var street = await Street.CreateAsync(service);
        var name = $"防诈宣传队-{Guid.NewGuid():N}"[..12];
        var text = $"name,kind,community,categories,skills,capacity,membersCount,leaderName,leaderPhone,availability\n{name},volunteer_team,{street.Community.Id},防诈宣传,宣讲,2,6,孙六,13800004444,工作日、晚上\n";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!.GetBytes(text);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var report = await ReportAsync(street.Coordinator.PostAsync("/api/teams/import?status=applied", content));

        var row = Assert.Single(report.Rows);
        Assert.Equal(("created", name), (row.Outcome, row.Name));
        var team = (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{row.TeamId}"))!;
        Assert.Equal(("applied", "anti_fraud"), (team.Status, team.Categories.Single()));
        Assert.Equal(["weekdays", "evenings"], team.Availability);
    }

    [Fact]
    public async Task Only_a_coordinator_imports_and_an_unusable_file_gets_400()
    {
        var street = await Street.CreateAsync(service);

        foreach (var client in new[] { street.Admin, street.Branch, street.TeamClient(Guid.NewGuid()) })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/teams/import", Csv(Roster("x")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PostAsync("/api/teams/import", Csv(""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PostAsync("/api/teams/import", Csv("负责人,联系电话\n王,138\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PostAsync("/api/teams/import?status=hatched", Csv(Roster("y")))).StatusCode);
        Assert.Equal(0, (await street.Coordinator.GetFromJsonAsync<TeamPage>($"/api/teams?streetId={street.StreetId}"))!.Total);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Multipart(string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "队伍花名册.csv" } };
    }

    private static async Task<ImportReportView> ReportAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ImportReportView>())!;
    }
}
