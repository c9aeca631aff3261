using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

[Collection(TeamsCollection.Name)]
public sealed class PlaceImportApiTests(TeamsService service)
{
    private HttpClient Admin => service.ClientWithToken(TestTokens.Admin());

    [Fact]
    public async Task A_place_list_makes_its_districts_streets_and_communities_and_a_second_import_makes_nothing()
    {
        var district = $"莱州市-{Guid.NewGuid():N}"[..12];
        var csv = $"""
            区/县,街道/镇,社区/村,党组织
            {district},文昌路街道,汇泉社区,汇泉社区党支部
            {district},文昌路街道,光州社区,光州社区党支部
            {district},永安路街道,北关社区,北关社区党支部
            {district},文昌路街道,,定海社区党支部
            """;

        var first = (await (await Admin.PostAsync("/api/places/import", Csv(csv))).Content.ReadFromJsonAsync<PlaceImportView>())!;
        var second = (await (await Admin.PostAsync("/api/places/import", Multipart(csv))).Content.ReadFromJsonAsync<PlaceImportView>())!;

        Assert.Equal((3, 0, 1, 1, 2), (first.Created, first.Duplicates, first.Invalid, first.DistrictsCreated, first.StreetsCreated));
        Assert.Equal(["created", "created", "created", "invalid"], first.Rows.Select(r => r.Outcome));
        Assert.Equal([2, 3, 4, 5], first.Rows.Select(r => r.Line));
        Assert.Contains("community", first.Rows[3].Errors!.Keys);
        Assert.Equal((0, 3, 1, 0, 0), (second.Created, second.Duplicates, second.Invalid, second.DistrictsCreated, second.StreetsCreated));
        Assert.Equal(first.Rows.Select(r => r.CommunityId), second.Rows.Select(r => r.CommunityId));

        var tree = (await Admin.GetFromJsonAsync<DistrictView[]>("/api/places"))!;
        var made = Assert.Single(tree, d => d.Name == district);
        Assert.Equal(["文昌路街道", "永安路街道"], made.Streets.Select(s => s.Name).Order());
        var wenchang = made.Streets.Single(s => s.Name == "文昌路街道");
        Assert.Equal(["光州社区党支部", "汇泉社区党支部"], wenchang.Communities.Select(c => c.BranchName).Order());
    }

    [Fact]
    public async Task A_place_list_saved_by_Excel_in_GB18030_with_English_headers_is_read()
    {
        var district = $"芝罘区-{Guid.NewGuid():N}"[..12];
        var text = $"district,street,community,branchName,remark\r\n{district},向阳街道,毓璜顶社区,毓璜顶社区党委,备注\r\n";
        var content = new ByteArrayContent(CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!.GetBytes(text));
        content.Headers.ContentType = new("text/csv");

        var report = (await (await Admin.PostAsync("/api/places/import", content)).Content.ReadFromJsonAsync<PlaceImportView>())!;

        Assert.Equal(1, report.Created);
        Assert.Equal(["remark"], report.IgnoredColumns);
        var community = (await Admin.GetFromJsonAsync<CommunityView>($"/api/places/communities/{report.Rows[0].CommunityId}"))!;
        Assert.Equal(("毓璜顶社区", "毓璜顶社区党委", "向阳街道", district), (community.Name, community.BranchName, community.StreetName, community.DistrictName));
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_gets_400_and_makes_nothing()
    {
        var district = $"无效区-{Guid.NewGuid():N}"[..12];

        var response = await Admin.PostAsync("/api/places/import", Csv($"区/县,社区/村\n{district},汇泉社区\n"));
        var empty = await Admin.PostAsync("/api/places/import", Csv(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("street", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<DistrictView[]>("/api/places"))!, d => d.Name == district);
    }

    [Fact]
    public async Task Only_an_admin_imports_a_place_list()
    {
        var street = await Street.CreateAsync(service);

        var response = await street.Coordinator.PostAsync("/api/places/import", Csv("区/县,街道/镇,社区/村,党组织\n某区,某街道,某社区,某党支部\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_imported_community_is_announced_with_CommunityRegistered()
    {
        var district = $"公告区-{Guid.NewGuid():N}"[..12];
        var report = (await (await Admin.PostAsync("/api/places/import", Csv($"区/县,街道/镇,社区/村,党组织\n{district},公告街道,公告社区,公告社区党支部\n")))
            .Content.ReadFromJsonAsync<PlaceImportView>())!;

        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        var count = await connection.ExecuteScalarAsync<int>(
            "select count(*)::int from outbox_messages where message_type = 'CommunityRegistered' and body->>'communityId' = @id",
            new { id = report.Rows[0].CommunityId.ToString() });
        Assert.Equal(1, count);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Multipart(string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        file.Headers.ContentType = new("text/csv");
        return new MultipartFormDataContent { { file, "file", "区划名单.csv" } };
    }
}
