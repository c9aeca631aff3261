using Dispatch.Gateway.Accounts;

namespace Dispatch.Gateway.Apis;

/// <summary>An account as the API shows it: never its password hash.</summary>
public sealed record AccountResponse(
    Guid Id, string Username, string Role, Guid? CommunityId, Guid? StreetId, Guid? DistrictId, Guid? TeamId, DateTimeOffset CreatedAt)
{
    internal static AccountResponse From(Account a) =>
        new(a.Id, a.Username, a.Role, a.CommunityId, a.StreetId, a.DistrictId, a.TeamId, a.CreatedAt);
}
