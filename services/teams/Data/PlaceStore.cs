using Dispatch.ServiceDefaults.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// The place directory. Uniqueness within a parent is the database's job (unique constraints),
/// so two admins adding the same street at once get one street and one 409.
/// </summary>
internal sealed class PlaceStore(Database database)
{
    private const string CommunityColumns = """
        c.id, c.name, c.branch_name, s.id as street_id, s.name as street_name, d.id as district_id, d.name as district_name
        from communities c join streets s on s.id = c.street_id join districts d on d.id = s.district_id
        """;

    private const string StreetColumns = """
        s.id, s.name, d.id as district_id, d.name as district_name
        from streets s join districts d on d.id = s.district_id
        """;

    public Task<IReadOnlyList<District>> DistrictsAsync(CancellationToken ct) =>
        database.QueryAsync<District>("select id, name from districts order by name, id", null, ct);

    public Task<IReadOnlyList<Street>> StreetsAsync(CancellationToken ct) =>
        database.QueryAsync<Street>($"select {StreetColumns} order by s.name, s.id", null, ct);

    public Task<IReadOnlyList<Community>> CommunitiesAsync(CancellationToken ct) =>
        database.QueryAsync<Community>($"select {CommunityColumns} order by c.name, c.id", null, ct);

    public Task<District?> FindDistrictAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<District>("select id, name from districts where id = @id", new { id }, ct);

    public Task<Street?> FindStreetAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Street>($"select {StreetColumns} where s.id = @id", new { id }, ct);

    public Task<IReadOnlyList<Street>> StreetsOfDistrictAsync(Guid districtId, CancellationToken ct) =>
        database.QueryAsync<Street>($"select {StreetColumns} where d.id = @districtId order by s.name, s.id", new { districtId }, ct);

    public Task<Community?> FindCommunityAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Community>($"select {CommunityColumns} where c.id = @id", new { id }, ct);

    public Task<IReadOnlyList<Community>> CommunitiesOfStreetAsync(Guid streetId, CancellationToken ct) =>
        database.QueryAsync<Community>($"select {CommunityColumns} where s.id = @streetId order by c.name, c.id", new { streetId }, ct);

    public Task<IReadOnlyList<Community>> CommunitiesOfDistrictAsync(Guid districtId, CancellationToken ct) =>
        database.QueryAsync<Community>($"select {CommunityColumns} where d.id = @districtId order by c.name, c.id", new { districtId }, ct);

    public async Task<AddOutcome> AddDistrictAsync(Guid id, string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            await unit.ExecuteAsync("insert into districts (id, name, created_at) values (@id, @name, @now)", new { id, name, now }, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return AddOutcome.Duplicate;
        }
        await unit.CommitAsync(ct);
        return AddOutcome.Added;
    }

    public async Task<AddOutcome> AddStreetAsync(Guid id, Guid districtId, string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            await unit.ExecuteAsync(
                "insert into streets (id, district_id, name, created_at) values (@id, @districtId, @name, @now)",
                new { id, districtId, name, now }, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return AddOutcome.Duplicate;
        }
        catch (Exception ex) when (PostgresErrors.IsForeignKeyViolation(ex))
        {
            return AddOutcome.ParentMissing;
        }
        await unit.CommitAsync(ct);
        return AddOutcome.Added;
    }

    /// <summary>Adds the community and, in the same transaction, the <c>CommunityRegistered</c> event.</summary>
    public async Task<AddOutcome> AddCommunityAsync(Guid id, Guid streetId, string name, string branchName, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            // "for share" keeps the street (and so the names the event carries) in place until we commit.
            var street = await unit.QuerySingleOrDefaultAsync<Street>($"select {StreetColumns} where s.id = @streetId for share of s", new { streetId }, ct);
            if (street is null)
                return AddOutcome.ParentMissing;
            await unit.ExecuteAsync("""
                insert into communities (id, street_id, name, branch_name, created_at)
                values (@id, @streetId, @name, @branchName, @now)
                """, new { id, streetId, name, branchName, now }, ct);
            var community = new Community
            {
                Id = id, Name = name, BranchName = branchName,
                StreetId = street.Id, StreetName = street.Name, DistrictId = street.DistrictId, DistrictName = street.DistrictName,
            };
            await unit.PublishAsync(community.ToRegistered(), ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return AddOutcome.Duplicate;
        }
        await unit.CommitAsync(ct);
        return AddOutcome.Added;
    }
}
