using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

/// <summary>What text a need may hold: no control character anywhere, nothing invisible in its title or names, composed form.</summary>
[Collection(NeedsCollection.Name)]
public sealed class TextInputTests(NeedsService service)
{
    [Theory]
    [InlineData("title", "陪伴\u0000聊天")]
    [InlineData("description", "每周\u0000两次")]
    [InlineData("address", "汇泉小区\u001b3号楼")]
    public async Task A_control_character_in_any_text_is_a_400_naming_the_field_and_nothing_is_stored(string field, string value)
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var body = Body();
        body[field] = value;

        var response = await branch.PostAsJsonAsync("/api/needs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("control characters", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await community.QueryAsync<long>("select count(*) from needs where community_id = @Id", new { community.Id }));
    }

    [Theory]
    [InlineData("title", "陪伴\u202e天聊")]
    [InlineData("title", "陪伴\u200b聊天")]
    [InlineData("title", "陪伴\n聊天")]
    [InlineData("contactName", "李\u2066奶奶")]
    public async Task A_title_or_name_with_an_invisible_or_line_breaking_character_is_a_400(string field, string value)
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var body = Body();
        body[field] = value;

        var response = await branch.PostAsJsonAsync("/api/needs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Text_is_stored_in_composed_form()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var decomposed = "Cafe\u0301 陪伴";
        var body = Body(decomposed);

        var response = await branch.PostAsJsonAsync("/api/needs", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Caf\u00e9 陪伴", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_search_with_a_control_character_is_a_400_naming_the_parameter()
    {
        var community = new Community(service);
        using var branch = community.Branch();

        var response = await branch.GetAsync("/api/needs?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["q"]);
    }

    [Fact]
    public async Task A_needs_list_row_with_a_control_character_is_reported_invalid_and_the_others_are_imported()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var start = DateTime.UtcNow.Date.AddDays(7).AddHours(9);
        var csv = $"标题,类别,人数,开始时间,结束时间,描述\r\n" +
            $"陪伴聊天,养老服务,2,{start:yyyy-MM-dd HH:mm},{start.AddHours(2):yyyy-MM-dd HH:mm},每周\u0000两次\r\n" +
            $"楼道清理,环境整治,3,{start:yyyy-MM-dd HH:mm},{start.AddHours(2):yyyy-MM-dd HH:mm},清理杂物\r\n";

        var response = await branch.PostAsync("/api/needs/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((1, 1), (report["created"]!.GetValue<int>(), report["invalid"]!.GetValue<int>()));
        var refused = report["rows"]!.AsArray()[0]!["errors"]!.ToJsonString();
        Assert.Contains("control characters", refused, StringComparison.Ordinal);
    }

    private static JsonObject Body(string title = "为独居老人陪伴聊天") => JsonSerializer.SerializeToNode(Community.NeedBody(title))!.AsObject();
}
