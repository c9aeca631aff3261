using Dispatch.Needs.Domain;
using Xunit;

namespace Dispatch.Needs.Tests.Domain;

public sealed class PersonalDataTests
{
    private static readonly Need Need = new() { ContactName = "李奶奶", ContactPhone = "13900001111", Address = "汇泉小区3号楼" };

    [Fact]
    public void Free_text_leaving_in_an_event_has_the_residents_name_phone_and_address_masked() =>
        Assert.Equal("*** 已搬离***，请勿再拨***", PersonalData.Redact("李奶奶 已搬离汇泉小区3号楼，请勿再拨13900001111", Need));

    [Fact]
    public void Text_without_personal_data_or_a_need_without_contacts_is_left_as_written()
    {
        Assert.Equal("老人已入住养老院", PersonalData.Redact("老人已入住养老院", Need));
        Assert.Equal("李奶奶搬走了", PersonalData.Redact("李奶奶搬走了", new Need()));
        Assert.Null(PersonalData.Redact(null, Need));
    }

    [Theory]
    [InlineData("为李奶奶陪伴聊天", true)]
    [InlineData("回访 13900001111", true)]
    [InlineData("汇泉小区3号楼清理楼道", true)]
    [InlineData("为独居老人陪伴聊天", false)]
    public void A_title_naming_the_resident_is_recognised(string title, bool names) =>
        Assert.Equal(names, PersonalData.Names(title, "李奶奶", "13900001111", "汇泉小区3号楼"));

    [Theory]
    [InlineData("回访 139-0000-1111")]
    [InlineData("回访139 0000 1111")]
    [InlineData("回访 １３９－００００－１１１１")]
    public void A_phone_number_in_a_title_is_recognised_whatever_spaces_and_dashes_it_is_written_with(string title)
    {
        Assert.True(PersonalData.Names(title, null, "13900001111", null));
        Assert.True(PersonalData.Names(title, null, "139 0000 1111", null));
    }

    [Fact]
    public void A_phone_number_written_with_spaces_or_dashes_is_masked_in_free_text() =>
        Assert.Equal("请勿再拨 ***，改拨家属", PersonalData.Redact("请勿再拨 139-0000 1111，改拨家属", Need));
}
