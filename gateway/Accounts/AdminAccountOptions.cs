using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Gateway.Accounts;

/// <summary><c>Dispatch__AdminPassword</c>: the password the <c>admin</c> account is created or reset with at start.</summary>
internal sealed class AdminAccountOptions
{
    public const string SectionName = "Dispatch";

    [RequiredSetting]
    public string? AdminPassword { get; set; }
}
