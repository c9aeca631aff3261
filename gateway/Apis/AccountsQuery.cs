using Dispatch.Gateway.Accounts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Gateway.Apis;

/// <summary>The filters of GET /api/accounts, bound from the query string: <see cref="Q"/> is part of the username.</summary>
internal sealed record AccountsQuery(
    string? Role, Guid? DistrictId, Guid? StreetId, Guid? CommunityId, Guid? TeamId, string? Q, string? Status)
{
    public ValidationErrors Check(ValidationErrors errors) => errors
        .Require(Role is null || Roles.All.Contains(Role), "role", $"role must be one of {string.Join(", ", Roles.All)}.")
        .Require(Status is null or "active" or "disabled", "status", "status must be active or disabled.")
        .Require(Q is not { Length: > 64 }, "q", "q is at most 64 characters.");

    public AccountSearch ToSearch() =>
        new(Role, DistrictId, StreetId, CommunityId, TeamId, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Status switch { "active" => false, "disabled" => true, _ => null });
}
