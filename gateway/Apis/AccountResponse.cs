using System.Text.Json.Serialization;
using Dispatch.Gateway.Accounts;

namespace Dispatch.Gateway.Apis;

/// <summary>
/// An account as the API shows it: never its password hash. <see cref="OneTimePassword"/> is there only in the answer
/// that created or reset it, the one time anybody sees it.
/// </summary>
public sealed record AccountResponse(
    Guid Id, string Username, string Role, Guid? CommunityId, Guid? StreetId, Guid? DistrictId, Guid? TeamId, DateTimeOffset CreatedAt,
    bool Disabled, DateTimeOffset? DisabledAt, bool MustChangePassword, DateTimeOffset? PasswordChangedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OneTimePassword = null)
{
    internal static AccountResponse From(Account a, string? oneTimePassword = null) =>
        new(a.Id, a.Username, a.Role, a.CommunityId, a.StreetId, a.DistrictId, a.TeamId, a.CreatedAt,
            a.IsDisabled, a.DisabledAt, a.MustChangePassword, a.PasswordChangedAt, oneTimePassword);
}
