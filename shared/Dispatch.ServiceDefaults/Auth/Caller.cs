using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// Who is calling and what they are bound to, read from the validated token. Minimal API
/// handlers take it as a parameter; the scope checks of every service start from it.
/// </summary>
public sealed record Caller(
    Guid AccountId,
    string Username,
    string Role,
    Guid? CommunityId,
    Guid? StreetId,
    Guid? DistrictId,
    Guid? TeamId)
{
    public bool IsAdmin => Role == Roles.Admin;
    public bool IsCoordinator => Role == Roles.Coordinator;
    public bool IsBranch => Role == Roles.Branch;
    public bool IsTeam => Role == Roles.Team;

    /// <summary>How timelines and histories name the caller: its username (its account id for a token without one).</summary>
    public string Actor => Username.Length > 0 ? Username : AccountId.ToString();

    public static Caller FromPrincipal(ClaimsPrincipal principal)
    {
        string Value(string type) => principal.FindFirst(type)?.Value ?? "";
        Guid? Id(string type) => Guid.TryParse(principal.FindFirst(type)?.Value, out var id) ? id : null;

        return new Caller(
            Id(DispatchClaims.Subject) ?? Guid.Empty,
            Value(DispatchClaims.Username),
            Value(DispatchClaims.Role),
            Id(DispatchClaims.CommunityId),
            Id(DispatchClaims.StreetId),
            Id(DispatchClaims.DistrictId),
            Id(DispatchClaims.TeamId));
    }

    /// <summary>Lets minimal API handlers declare <c>Caller caller</c> as a parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<Caller?>(FromPrincipal(context.User));
}
