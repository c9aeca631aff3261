using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// Whose members a caller may see (the policies on the endpoints have already admitted its role). The team itself
/// and the coordinators of its street keep the list and read phones; an admin reads names, dates and hours, never a
/// phone; nobody else sees members.
/// </summary>
internal static class MemberAccess
{
    public static bool Keeps(Caller caller, Team team) =>
        (caller.IsTeam && caller.TeamId == team.Id) || (caller.IsCoordinator && caller.StreetId == team.StreetId);

    public static bool Reads(Caller caller, Team team) => Keeps(caller, team) || caller.IsAdmin;

    /// <summary>The team if the caller may read its members, else the problem to answer.</summary>
    public static async Task<(Team? Team, ProblemHttpResult? Problem)> ReadableAsync(Guid teamId, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var team = await teams.FindAsync(teamId, ct);
        if (team is null)
            return (null, Problems.NotFound("team", teamId));
        return Reads(caller, team) ? (team, null) : (null, Problems.Forbidden("Only the team itself and the coordinators of its street see its members."));
    }

    /// <summary>The team if the caller may change its members and their records, else the problem to answer.</summary>
    public static async Task<(Team? Team, ProblemHttpResult? Problem)> KeptAsync(Guid teamId, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var team = await teams.FindAsync(teamId, ct);
        if (team is null)
            return (null, Problems.NotFound("team", teamId));
        return Keeps(caller, team) ? (team, null) : (null, Problems.Forbidden("Only the team itself and the coordinators of its street keep its members and their records."));
    }

    public static MemberResponse ToResponse(Member m, Caller caller, Team team) =>
        new(m.Id, m.TeamId, m.Name, Keeps(caller, team) ? m.Phone : null, m.Skills, m.JoinedOn, m.LeftOn, m.ServiceHours, m.Version, m.CreatedAt);
}
