using Dispatch.Needs.Domain;
using Xunit;

namespace Dispatch.Needs.Tests.Domain;

public sealed class NeedFingerprintTests
{
    private static readonly NeedContent Content = new("陪伴聊天", "每周两次", "elderly_care", 2, ["陪伴聊天", "理发"],
        new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), null,
        NeedContent.Normal, 1, "汇泉小区3号楼", "李奶奶", "13900001111", null);

    [Fact]
    public void The_same_content_has_the_same_fingerprint_whatever_the_order_of_its_skills() =>
        Assert.Equal(NeedFingerprint.Of(Content), NeedFingerprint.Of(Content with { Skills = ["理发", "陪伴聊天"] }));

    [Fact]
    public void Any_other_field_makes_another_fingerprint()
    {
        var others = new[]
        {
            Content with { Title = "陪伴" }, Content with { VolunteersNeeded = 3 }, Content with { ContactPhone = "13900002222" },
            Content with { StartsAt = Content.StartsAt.AddHours(1) }, Content with { Skills = ["理发"] },
        };

        Assert.DoesNotContain(NeedFingerprint.Of(Content), others.Select(NeedFingerprint.Of));
    }
}
