using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// Teams, their history and their events. Every change bumps <c>version</c>, adds a history row
/// and writes its event to the outbox in one transaction; a transition re-checks the status under
/// a row lock with <see cref="TeamLifecycle"/>, so two racing coordinators cannot both win.
/// </summary>
internal sealed class TeamStore(Database database)
{
    private const string Columns = """
        id, name, kind, community_id, street_id, district_id, categories, skills, service_area, capacity,
        members_count, leader_name, leader_phone, status, hatched_at, suspended_at, version, created_at, updated_at
        """;

    public Task<Team?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Team>($"select {Columns} from teams where id = @id", new { id }, ct);

    public async Task<(IReadOnlyList<Team> Items, long Total)> ListAsync(TeamFilter filter, int page, int pageSize, CancellationToken ct)
    {
        const string where = """
            where (cast(@Status as text) is null or status = @Status)
              and (cast(@CommunityId as uuid) is null or community_id = @CommunityId)
              and (cast(@StreetId as uuid) is null or street_id = @StreetId)
              and (cast(@Category as text) is null or @Category = any(categories))
              and (cast(@Text as text) is null or strpos(lower(name), lower(@Text)) > 0)
            """;
        var parameters = new { filter.Status, filter.CommunityId, filter.StreetId, filter.Category, filter.Text, limit = pageSize, offset = (page - 1) * pageSize };
        var items = await database.QueryAsync<Team>($"""
            select {Columns} from teams
            {where}
            order by name, id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from teams {where}", parameters, ct);
        return (items, total);
    }

    public Task<IReadOnlyList<TeamHistoryEntry>> HistoryAsync(Guid teamId, CancellationToken ct) =>
        database.QueryAsync<TeamHistoryEntry>(
            "select at, from_status, to_status, actor, reason from team_history where team_id = @teamId order by at, id",
            new { teamId }, ct);

    /// <summary>Stores a new team with its first history row and <c>TeamRegistered</c>; false when its street already has a team of that name.</summary>
    public async Task<bool> RegisterAsync(Team team, string actor, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            await unit.ExecuteAsync($"""
                insert into teams ({Columns})
                values (@Id, @Name, @Kind, @CommunityId, @StreetId, @DistrictId, @Categories, @Skills, @ServiceArea, @Capacity,
                        @MembersCount, @LeaderName, @LeaderPhone, @Status, @HatchedAt, @SuspendedAt, @Version, @CreatedAt, @UpdatedAt)
                """, team, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        await AddHistoryAsync(unit, team.Id, team.CreatedAt, null, team.Status, actor, null, ct);
        await unit.PublishAsync(new TeamRegistered(team.ToProfile(), team.CreatedAt), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>Applies <paramref name="action"/>; null when the team is gone or its status no longer allows it.</summary>
    public async Task<Team?> TransitionAsync(Guid id, TeamAction action, string? reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var from = await unit.QuerySingleOrDefaultAsync<string>("select status from teams where id = @id for update", new { id }, ct);
        if (from is null || TeamLifecycle.Next(from, action) is not { } to)
            return null;

        // A reinstated team keeps the date it first hatched; suspended_at says whether (and since when) it is suspended now.
        var team = await unit.QuerySingleAsync<Team>($"""
            update teams
            set status = @to, version = version + 1, updated_at = @now,
                hatched_at = case when @to = @Hatched then coalesce(hatched_at, @now) else hatched_at end,
                suspended_at = case when @to = @Suspended then @now else null end
            where id = @id
            returning {Columns}
            """, new { id, to, now, TeamStatus.Hatched, TeamStatus.Suspended }, ct);
        await AddHistoryAsync(unit, id, now, from, to, actor, reason, ct);
        if (action == TeamAction.Hatch)
            await unit.PublishAsync(new TeamHatched(team.ToProfile(), now), ct);
        else
            await unit.PublishAsync(new TeamSuspended(team.ToProfile(), reason, now), ct);
        await unit.CommitAsync(ct);
        return team;
    }

    private static async Task AddHistoryAsync(UnitOfWork unit, Guid teamId, DateTimeOffset at, string? fromStatus, string toStatus, string actor, string? reason, CancellationToken ct) =>
        await unit.ExecuteAsync("""
            insert into team_history (team_id, at, from_status, to_status, actor, reason)
            values (@teamId, @at, @fromStatus, @toStatus, @actor, @reason)
            """, new { teamId, at, fromStatus, toStatus, actor, reason }, ct);
}
