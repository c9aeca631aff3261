using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Requests;

/// <summary>
/// The body of a request for help, from the public page or from a branch member filing for a resident (帮办). Every
/// field is nullable so that a missing one is a 400 naming it; the messages are Chinese because a resident reads them.
/// <see cref="Website"/> is the honeypot: a field the page hides from people, which only a form-filling robot fills.
/// </summary>
internal sealed record RequestForm(
    Guid? CommunityId,
    string? Category,
    string? Description,
    DateTimeOffset? WantedAt,
    string? ContactName,
    string? ContactPhone,
    string? Address,
    bool? Consent,
    string? Website)
{
    public const int DescriptionLimit = 1000;

    /// <summary>The checked content, or null with every problem added to <paramref name="errors"/>.</summary>
    public RequestContent? Validate(ValidationErrors errors, DateTimeOffset now)
    {
        var phoneKey = ResidentKeys.Phone(ContactPhone);
        errors.Require(string.IsNullOrEmpty(Website), "website", "提交未通过检查，请直接填写页面上的内容后再提交。")
            .Require(ServiceCategories.IsKnown(Category), "category", "请选择需要的服务。")
            .Require(!string.IsNullOrWhiteSpace(Description), "description", "请简单描述需要什么帮助。")
            .Require(Description is null || Description.Length <= DescriptionLimit, "description",
                $"描述最多 {DescriptionLimit} 个字，请精简后再提交。")
            .Require(WantedAt is not null, "wantedAt", "请选择希望服务的时间。")
            .Require(WantedAt is null || (WantedAt > now.AddDays(-1) && WantedAt < now.AddDays(180)), "wantedAt",
                "希望服务的时间应在今天到半年之内。")
            .Require(!string.IsNullOrWhiteSpace(ContactName) && ContactName.Trim().Length <= 50, "contactName", "请填写称呼（最多 50 个字）。")
            .Require(phoneKey is not null, "contactPhone", "请填写正确的手机号或固定电话（只含数字，可带空格或短横线）。")
            .Require(!string.IsNullOrWhiteSpace(Address) && Address.Trim().Length <= 200, "address", "请填写地址（最多 200 个字）。")
            .Require(Consent == true, "consent", "请阅读并同意个人信息使用说明后再提交。");
        if (errors.Any)
            return null;
        return new RequestContent(Category!, Description!.Trim(), WantedAt!.Value.ToUniversalTime(), ContactName!.Trim(),
            ContactPhone!.Trim(), Address!.Trim(), phoneKey!, ResidentKeys.Address(Address)!);
    }
}
