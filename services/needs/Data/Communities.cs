using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Needs.Data;

/// <summary>The place directory's communities, as its <c>CommunityRegistered</c> events tell (a rename announces them again).</summary>
internal static class Communities
{
    public static Task ApplyAsync(UnitOfWork unit, CommunityRegistered community, CancellationToken ct) =>
        unit.ExecuteAsync("""
            insert into communities (id, name, branch_name, street_id, street_name, district_id)
            values (@CommunityId, @Name, @BranchName, @StreetId, @StreetName, @DistrictId)
            on conflict (id) do update set name = excluded.name, branch_name = excluded.branch_name,
                street_id = excluded.street_id, street_name = excluded.street_name, district_id = excluded.district_id
            """, community, ct);

    public static Task<Community?> FindAsync(Database database, Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Community>("select * from communities where id = @id", new { id }, ct);
}
