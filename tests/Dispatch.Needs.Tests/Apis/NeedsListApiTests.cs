using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

/// <summary>The needs list (需求清单) as a CSV file: import with a report per row, re-import without duplicates, publish all.</summary>
[Collection(NeedsCollection.Name)]
public sealed class NeedsListApiTests(NeedsService service)
{
    // Wall-clock times in Beijing, as a branch types them; a week ahead so they are in the future.
    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(7);
    private static readonly string Start = Day.AddHours(9).ToString("yyyy-MM-dd HH:mm");
    private static readonly string End = Day.AddHours(11).ToString("yyyy-MM-dd HH:mm");
    private static readonly string Deadline = Day.AddDays(-1).AddHours(18).ToString("yyyy-MM-dd HH:mm");

    private static string MixedFile() => $"""
        标题,类别,人数,技能,描述,开始时间,结束时间,截止时间,紧急程度,受益人数,地址,联系人,联系电话,备注
        为独居老人陪伴聊天,养老服务,2,陪伴聊天、理发,"每周两次，上门陪伴, 聊聊家常",{Start},{End},{Deadline},紧急,1,汇泉小区3号楼2单元,李奶奶,13900001111,第一次走访
        陪同复查血压,health,1,测血压;用药指导,,{Start},{End},,一般,2,汇泉小区5号楼,王大爷,13900002222,
        帮忙做饭,做饭,两个,,,{Start},{End},,,,,,,
        楼道清理,环境整治,3,,,{End},{Start},,,,,,call me,时间写反了
        为独居老人陪伴聊天,养老服务,2,理发、陪伴聊天,"每周两次，上门陪伴, 聊聊家常",{Start},{End},{Deadline},紧急,1,汇泉小区3号楼2单元,李奶奶,13900001111,同一行又抄了一遍
        "垃圾分类宣传",environment,4,"宣传讲解,分类指导",,{Start},{End},,normal,,,,,
        """;

    [Fact]
    public async Task A_mixed_file_with_Chinese_headers_gets_a_report_per_row_and_its_good_rows_become_drafts()
    {
        var community = new Community(service);
        using var branch = community.Branch();

        var response = await branch.PostAsync("/api/needs/import", Csv(MixedFile()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((3, 1, 2), (report["created"]!.GetValue<int>(), report["duplicates"]!.GetValue<int>(), report["invalid"]!.GetValue<int>()));
        Assert.Equal(["备注"], report["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var rows = report["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7], rows.Select(r => r["line"]!.GetValue<int>()));
        Assert.Equal(["created", "created", "invalid", "invalid", "duplicate", "created"], rows.Select(r => r["outcome"]!.GetValue<string>()));
        Assert.Equal(rows[0]["needId"]!.GetValue<string>(), rows[4]["needId"]!.GetValue<string>());
        Assert.Equal(["category", "volunteersNeeded"], Fields(rows[2]));
        Assert.Contains("两个", rows[2]["errors"]!["volunteersNeeded"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["contactPhone", "endsAt"], Fields(rows[3]));
        Assert.Null(rows[2]["needId"]);

        var first = await community.NeedAsync(Guid.Parse(rows[0]["needId"]!.GetValue<string>()));
        Assert.Equal("draft", first["status"]!.GetValue<string>());
        Assert.Equal("elderly_care", first["category"]!.GetValue<string>());
        Assert.Equal(["陪伴聊天", "理发"], first["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("每周两次，上门陪伴, 聊聊家常", first["description"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(Day.AddHours(9), TimeSpan.Zero).AddHours(-8), first["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("urgent", first["urgency"]!.GetValue<string>());
        Assert.Equal("13900001111", first["contactPhone"]!.GetValue<string>());
        var last = await community.NeedAsync(Guid.Parse(rows[5]["needId"]!.GetValue<string>()));
        Assert.Equal(["宣传讲解", "分类指导"], last["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("imported from a needs list", (await community.TimelineAsync(Guid.Parse(rows[0]["needId"]!.GetValue<string>())))[0]!["reason"]!.GetValue<string>());
        Assert.Equal(3L, await community.QueryAsync<long>("select count(*) from needs where community_id = @Id", new { community.Id }));
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_no_duplicates_and_names_the_needs_it_already_made()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var firstReport = await (await branch.PostAsync("/api/needs/import", Csv(MixedFile()))).Content.ReadFromJsonAsync<JsonObject>();

        var again = await branch.PostAsync("/api/needs/import", Csv(MixedFile()));

        var report = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((0, 4, 2), (report["created"]!.GetValue<int>(), report["duplicates"]!.GetValue<int>(), report["invalid"]!.GetValue<int>()));
        Assert.Equal(NeedIds(firstReport!), NeedIds(report));
        Assert.Equal(3L, await community.QueryAsync<long>("select count(*) from needs where community_id = @Id", new { community.Id }));

        // Another community importing the same list gets needs of its own.
        using var neighbour = new Community(service).Branch();
        var theirs = (await (await neighbour.PostAsync("/api/needs/import", Csv(MixedFile()))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, theirs["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task English_keys_in_a_multipart_upload_and_a_GB18030_file_from_Excel_are_read_too()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var english = $"title,category,volunteersNeeded,skills,startsAt,endsAt,urgency,contactName\r\n" +
            $"Tutoring,child_welfare,2,math;reading,{Day.AddHours(1):yyyy-MM-ddTHH:mm:ssZ},{Day.AddHours(3):yyyy-MM-ddTHH:mm:ssZ},urgent,Ms Li\r\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(english)), "file", "needs.csv" } };
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var chinese = new ByteArrayContent(gb18030.GetBytes($"标题,类别,人数,开始时间,结束时间\r\n法律咨询进社区,法律咨询,1,{Start},{End}\r\n"));
        chinese.Headers.ContentType = new("text/csv");

        var fromForm = (await (await branch.PostAsync("/api/needs/import", form)).Content.ReadFromJsonAsync<JsonObject>())!;
        var fromExcel = (await (await branch.PostAsync("/api/needs/import", chinese)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(1, fromForm["created"]!.GetValue<int>());
        var tutoring = await community.NeedAsync(NeedIds(fromForm)[0]);
        Assert.Equal(new DateTimeOffset(Day.AddHours(1), TimeSpan.Zero), tutoring["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["math", "reading"], tutoring["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(1, fromExcel["created"]!.GetValue<int>());
        var legal = await community.NeedAsync(NeedIds(fromExcel)[0]);
        Assert.Equal(("法律咨询进社区", "legal_aid"), (legal["title"]!.GetValue<string>(), legal["category"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_or_without_rows_gets_400_and_only_a_branch_imports()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        using var coordinator = community.Coordinator();

        var missingColumns = await branch.PostAsync("/api/needs/import", Csv("标题,描述\n陪伴聊天,每周两次\n"));
        var empty = await branch.PostAsync("/api/needs/import", Csv(""));
        var notABranch = await coordinator.PostAsync("/api/needs/import", Csv(MixedFile()));

        Assert.Equal(HttpStatusCode.BadRequest, missingColumns.StatusCode);
        var detail = (await missingColumns.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        foreach (var column in new[] { "类别", "人数", "开始时间", "结束时间" })
            Assert.Contains(column, detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notABranch.StatusCode);
        Assert.Equal(0L, await community.QueryAsync<long>("select count(*) from needs where community_id = @Id", new { community.Id }));
    }

    [Fact]
    public async Task Publish_all_sends_the_branchs_drafts_each_with_its_own_event_and_leaves_others_alone()
    {
        var community = new Community(service);
        var neighbour = new Community(service);
        using var branch = community.Branch();
        var imported = NeedIds((await (await branch.PostAsync("/api/needs/import", Csv(MixedFile()))).Content.ReadFromJsonAsync<JsonObject>())!)
            .Distinct().ToArray();
        var alreadyPublished = await community.PublishedAsync();
        var theirDraft = await neighbour.DraftAsync();

        var chosen = await branch.PostAsJsonAsync("/api/needs/publish-all", new { ids = imported.Take(2).Append(theirDraft) });
        var rest = await branch.PostAsync("/api/needs/publish-all", null);
        var nothingLeft = await branch.PostAsync("/api/needs/publish-all", null);
        using var team = community.Team(Guid.NewGuid());
        var byATeam = await team.PostAsync("/api/needs/publish-all", null);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(imported.Take(2), Ids(await chosen.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.Equal([imported[2]], Ids(await rest.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.Equal(0, (await nothingLeft.Content.ReadFromJsonAsync<JsonObject>())!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, byATeam.StatusCode);
        foreach (var id in imported.Append(alreadyPublished))
        {
            Assert.Equal("published", await community.StatusAsync(id));
            Assert.Equal(1L, await community.QueryAsync<long>(
                "select count(*) from outbox_messages where message_type = 'NeedPublished' and body->>'needId' = @id", new { id = id.ToString() }));
        }
        Assert.Equal("draft", await neighbour.StatusAsync(theirDraft));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string[] Fields(JsonObject row) => row["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Publish_all_sends_an_imported_list_in_the_files_row_order()
    {
        // The rows of one import share their creation time and their ids are random within a millisecond.
        var community = new Community(service);
        using var branch = community.Branch();
        var rows = Enumerable.Range(1, 30).Select(n => $"第{n}户送餐上门,养老服务,1,,,{Start},{End},,,,,,,");
        var file = "标题,类别,人数,技能,描述,开始时间,结束时间,截止时间,紧急程度,受益人数,地址,联系人,联系电话,备注\n" + string.Join("\n", rows);
        var imported = NeedIds((await (await branch.PostAsync("/api/needs/import", Csv(file))).Content.ReadFromJsonAsync<JsonObject>())!);

        var published = await branch.PostAsync("/api/needs/publish-all", null);

        Assert.Equal(30, imported.Length);
        Assert.Equal(imported, Ids(await published.Content.ReadFromJsonAsync<JsonObject>()));
    }

    private static Guid[] NeedIds(JsonObject report) =>
        report["rows"]!.AsArray().Where(r => r!["needId"] is not null).Select(r => Guid.Parse(r!["needId"]!.GetValue<string>())).ToArray();

    private static Guid[] Ids(JsonObject? page) =>
        page!["items"]!.AsArray().Select(n => Guid.Parse(n!["id"]!.GetValue<string>())).ToArray();
}
