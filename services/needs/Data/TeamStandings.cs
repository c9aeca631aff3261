using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Needs.Data;

/// <summary>The team registry's word on whether a team is stopped (suspended or retired), and its name; newest version wins.</summary>
internal static class TeamStandings
{
    public static Task ApplyAsync(UnitOfWork unit, TeamProfile team, CancellationToken ct) =>
        unit.ExecuteAsync("""
            insert into team_standings (team_id, status, version, name) values (@TeamId, @Status, @Version, @Name)
            on conflict (team_id) do update set status = excluded.status, version = excluded.version, name = excluded.name
            where team_standings.version < excluded.version
            """, new { team.TeamId, team.Status, team.Version, team.Name }, ct);

    /// <summary>The team statuses (of the registry's lifecycle) in which a team still holds its orders but works none.</summary>
    public static readonly string[] Stopped = ["suspended", "retired"];
}
