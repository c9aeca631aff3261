using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// The place directory. Uniqueness within a parent is the database's job (unique constraints),
/// so two admins adding the same street at once get one street and one 409.
/// </summary>
internal sealed class PlaceStore(Database database, AuditTrail audit)
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
            await audit.RecordAsync(unit, AuditActions.PlacesChanged, AuditSubject.Places([id]), $"district {name} added", ct);
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
            await audit.RecordAsync(unit, AuditActions.PlacesChanged, AuditSubject.Places([id]), $"street {name} added", ct);
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
            await audit.RecordAsync(unit, AuditActions.PlacesChanged, AuditSubject.Places([id]), $"community {name} ({branchName}) added", ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return AddOutcome.Duplicate;
        }
        await unit.CommitAsync(ct);
        return AddOutcome.Added;
    }

    public Task<RenameOutcome> RenameDistrictAsync(Guid id, string name, CancellationToken ct) =>
        RenameAsync("update districts set name = @name where id = @id", "where d.id = @id", new { id, name }, id, $"district renamed {name}", ct);

    public Task<RenameOutcome> RenameStreetAsync(Guid id, string name, CancellationToken ct) =>
        RenameAsync("update streets set name = @name where id = @id", "where s.id = @id", new { id, name }, id, $"street renamed {name}", ct);

    public Task<RenameOutcome> ChangeCommunityAsync(Guid id, string? name, string? branchName, CancellationToken ct) =>
        RenameAsync("""
            update communities set name = coalesce(@name, name), branch_name = coalesce(@branchName, branch_name) where id = @id
            """, "where c.id = @id", new { id, name, branchName }, id, $"community changed: name {name ?? "kept"}, branch {branchName ?? "kept"}", ct);

    /// <summary>
    /// A place from a place list, made where missing: its district and street found by name or added, the community
    /// added with its <c>CommunityRegistered</c> unless the street has one of that name already, all in one transaction.
    /// </summary>
    public async Task<ImportedPlace> ImportAsync(string district, string street, string community, string branchName, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var (districtId, districtCreated) = await FindOrAddAsync(unit, """
            with added as (insert into districts (id, name, created_at) values (@id, @name, @now) on conflict (name) do nothing returning id)
            select id, true as created from added union all select id, false from districts where name = @name limit 1
            """, new { id = Guid.CreateVersion7(), name = district, now }, ct);
        var (streetId, streetCreated) = await FindOrAddAsync(unit, """
            with added as (
                insert into streets (id, district_id, name, created_at) values (@id, @districtId, @name, @now)
                on conflict (district_id, name) do nothing returning id)
            select id, true as created from added union all select id, false from streets where district_id = @districtId and name = @name limit 1
            """, new { id = Guid.CreateVersion7(), districtId, name = street, now }, ct);
        var (communityId, communityCreated) = await FindOrAddAsync(unit, """
            with added as (
                insert into communities (id, street_id, name, branch_name, created_at) values (@id, @streetId, @name, @branchName, @now)
                on conflict (street_id, name) do nothing returning id)
            select id, true as created from added union all select id, false from communities where street_id = @streetId and name = @name limit 1
            """, new { id = Guid.CreateVersion7(), streetId, name = community, branchName, now }, ct);
        if (districtCreated || streetCreated || communityCreated)
            await audit.RecordAsync(unit, AuditActions.PlacesChanged, AuditSubject.Places([communityId]),
                $"imported {district} / {street} / {community} ({branchName}): new {(districtCreated ? "district, " : "")}{(streetCreated ? "street, " : "")}{(communityCreated ? "community" : "")}".TrimEnd(' ', ','), ct);
        if (communityCreated)
        {
            var registered = await unit.QuerySingleAsync<Community>($"select {CommunityColumns} where c.id = @communityId", new { communityId }, ct);
            await unit.PublishAsync(registered.ToRegistered(), ct);
        }
        await unit.CommitAsync(ct);
        return new ImportedPlace(communityId, communityCreated, streetCreated, districtCreated);
    }

    private static async Task<(Guid Id, bool Created)> FindOrAddAsync(UnitOfWork unit, string sql, object parameters, CancellationToken ct)
    {
        var row = await unit.QuerySingleAsync<FoundOrAdded>(sql, parameters, ct);
        return (row.Id, row.Created);
    }

    /// <summary>
    /// Renames a place and, in the same transaction, announces every community under it again (<c>CommunityRegistered</c>
    /// carries the street's and district's names), so the hall and the figures show the new names.
    /// </summary>
    private async Task<RenameOutcome> RenameAsync(string update, string communitiesUnder, object parameters, Guid placeId, string change, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            if (await unit.ExecuteAsync(update, parameters, ct) == 0)
                return RenameOutcome.Missing;
            await audit.RecordAsync(unit, AuditActions.PlacesChanged, AuditSubject.Places([placeId]), change, ct);
            foreach (var community in await unit.QueryAsync<Community>($"select {CommunityColumns} {communitiesUnder}", parameters, ct))
                await unit.PublishAsync(community.ToRegistered(), ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return RenameOutcome.Duplicate;
        }
        await unit.CommitAsync(ct);
        return RenameOutcome.Renamed;
    }

    private sealed class FoundOrAdded
    {
        public Guid Id { get; init; }
        public bool Created { get; init; }
    }
}
