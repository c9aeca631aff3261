using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>The communities read model: names for the hall and the figures, and the street and district each lies in; a rename overwrites.</summary>
internal static class CommunityReadModel
{
    public static Task ApplyAsync(CommunityRegistered community, UnitOfWork unit, CancellationToken ct) =>
        unit.ExecuteAsync("""
            insert into communities (id, name, street_id, district_id) values (@CommunityId, @Name, @StreetId, @DistrictId)
            on conflict (id) do update set name = excluded.name, street_id = excluded.street_id, district_id = excluded.district_id
            """, new { community.CommunityId, community.Name, community.StreetId, community.DistrictId }, ct);
}
