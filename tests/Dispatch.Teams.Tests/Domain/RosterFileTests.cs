using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Apis;
using Xunit;

namespace Dispatch.Teams.Tests.Domain;

public sealed class RosterFileTests
{
    [Fact]
    public void Chinese_headers_and_words_become_the_api_fields()
    {
        const string csv = "队伍名称,类型,社区,服务类别,技能,服务范围,承接能力,成员数,负责人,联系电话,服务时间,备注\n" +
                           "银龄先锋队,社区社会组织,汇泉,养老服务、health,\"入户探访,测血压\",全街道,3,20,王建国,138-0000-1234,周末；晚上,老队伍\n";

        var rows = RosterFile.Read(csv, new ValidationErrors())!;

        var request = Assert.Single(rows.Rows).Request;
        Assert.Equal(("银龄先锋队", "social_org", "street", 3, 20), (request.Name, request.Kind, request.ServiceArea, request.Capacity, request.MembersCount));
        Assert.Equal(["elderly_care", "health"], request.Categories!);
        Assert.Equal(["入户探访", "测血压"], request.Skills!);
        Assert.Equal(["weekends", "evenings"], request.Availability!);
        Assert.Equal("汇泉", rows.Rows[0].Community);
        Assert.Equal(["备注"], rows.IgnoredColumns);
    }

    [Fact]
    public void English_keys_are_accepted_as_headers()
    {
        const string csv = "name,kind,community,categories,capacity,membersCount,leaderName,leaderPhone\nA,volunteer_team,光州,anti_fraud,2,5,张三,13800001111\n";

        var row = Assert.Single(RosterFile.Read(csv, new ValidationErrors())!.Rows);

        Assert.Equal(("A", "volunteer_team", "光州", 2), (row.Request.Name, row.Request.Kind, row.Community, row.Request.Capacity));
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        var errors = new ValidationErrors();

        Assert.Null(RosterFile.Read("负责人,联系电话\n王,1380000\n", errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void A_number_that_is_not_one_is_a_cell_error()
    {
        var row = Assert.Single(RosterFile.Read("队伍名称,社区,服务类别,承接能力\nA,汇泉,health,三个\n", new ValidationErrors())!.Rows);

        Assert.True(row.CellErrors.Any);
        Assert.Null(row.Request.Capacity);
    }
}
