using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>
/// Upserts the teams read model from any team event. The version guard ignores an event older than
/// the row, whatever order the broker delivers them in; open_orders is matching's own and never touched.
/// </summary>
internal static class TeamReadModel
{
    public static Task ApplyAsync(TeamProfile team, UnitOfWork unit, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            insert into teams (team_id, name, community_id, street_id, district_id, categories, skills, service_area,
                               capacity, status, hatched_at, version)
            values (@TeamId, @Name, @CommunityId, @StreetId, @DistrictId, @Categories, @Skills, @ServiceArea,
                    @Capacity, @Status, @HatchedAt, @Version)
            on conflict (team_id) do update
            set name = excluded.name, community_id = excluded.community_id, street_id = excluded.street_id,
                district_id = excluded.district_id, categories = excluded.categories, skills = excluded.skills,
                service_area = excluded.service_area, capacity = excluded.capacity, status = excluded.status,
                hatched_at = excluded.hatched_at, version = excluded.version
            where teams.version < excluded.version
            """, new
        {
            team.TeamId, team.Name, team.CommunityId, team.StreetId, team.DistrictId,
            Categories = team.Categories.ToArray(), Skills = team.Skills.ToArray(), team.ServiceArea,
            team.Capacity, team.Status, HatchedAt = team.HatchedAt?.ToUniversalTime(), team.Version,
        }, cancellationToken);

    public static Task<Team?> FindAsync(UnitOfWork unit, Guid teamId, CancellationToken cancellationToken) =>
        unit.QuerySingleOrDefaultAsync<Team>("select * from teams where team_id = @teamId", new { teamId }, cancellationToken);
}
