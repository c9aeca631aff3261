using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>A team's member list from a spreadsheet: the per-row report, and nobody added twice.</summary>
[Collection(TeamsCollection.Name)]
public sealed class MemberImportApiTests(TeamsService service)
{
    private const string List = """
        姓名,手机,技能,加入日期,离队日期,备注
        王桂兰,138-0000-1001,陪伴聊天、测血压,2024-03-01,,组长
        赵志强,13800001002,,2024/5/6,2026年1月31日,
        ,13800001003,,2024-03-01,,没写名字
        孙丽华,13800001004,,三月一日,,日期看不懂
        钱国强,13800001005,,2099-01-01,,未来才加入
        王桂兰,13800001001,,2024-03-01,,同一人又写了一遍
        """;

    [Fact]
    public async Task A_mixed_member_list_adds_the_good_rows_and_reports_every_bad_one()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);

        var response = await client.PostAsync($"/api/teams/{team.Id}/members/import", Csv(List));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<MemberImportView>())!;
        Assert.Equal((2, 1, 3), (report.Created, report.Duplicates, report.Invalid));
        Assert.Equal(["备注"], report.IgnoredColumns);
        Assert.Equal([(2, "created"), (3, "created"), (4, "invalid"), (5, "invalid"), (6, "invalid"), (7, "duplicate")],
            report.Rows.Select(r => (r.Line, r.Outcome)).ToArray());
        Assert.Equal(["name"], report.Rows[2].Errors!.Keys);
        Assert.Contains("三月一日", Assert.Single(report.Rows[3].Errors!["joinedOn"]), StringComparison.Ordinal);
        Assert.Equal(["joinedOn"], report.Rows[4].Errors!.Keys);
        Assert.Equal(report.Rows[0].MemberId, report.Rows[5].MemberId);

        var members = (await client.GetFromJsonAsync<MemberPage>($"/api/teams/{team.Id}/members"))!;
        var wang = members.Items.Single(m => m.Name == "王桂兰");
        Assert.Equal(("13800001001", new DateOnly(2024, 3, 1), (DateOnly?)null), (wang.Phone, wang.JoinedOn, wang.LeftOn));
        Assert.Equal(["陪伴聊天", "测血压"], wang.Skills);
        var zhao = members.Items.Single(m => m.Name == "赵志强");
        Assert.Equal((new DateOnly(2024, 5, 6), new DateOnly(2026, 1, 31)), (zhao.JoinedOn, zhao.LeftOn!.Value));
        Assert.Equal(1, (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.MembersCount);
    }

    [Fact]
    public async Task The_same_file_twice_adds_nobody_the_second_time_and_a_stranger_cannot_import()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();

        var first = await street.Coordinator.PostAsync($"/api/teams/{team.Id}/members/import", Csv(List));
        var second = (await (await street.TeamClient(team.Id).PostAsync($"/api/teams/{team.Id}/members/import", Csv(List))).Content.ReadFromJsonAsync<MemberImportView>())!;
        var stranger = await street.TeamClient(other.Id).PostAsync($"/api/teams/{team.Id}/members/import", Csv(List));
        var noHeader = await street.TeamClient(team.Id).PostAsync($"/api/teams/{team.Id}/members/import", Csv("技能\n陪伴聊天\n"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((0, 3, 3), (second.Created, second.Duplicates, second.Invalid));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Equal(2, (await street.TeamClient(team.Id).GetFromJsonAsync<MemberPage>($"/api/teams/{team.Id}/members"))!.Total);
    }

    private static StringContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }
}
