using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// Teams, their history, the changes of their service lists and their events. Every change bumps <c>version</c>,
/// adds a history row (status changes) or a change row (service lists, with who made it) and writes its event to
/// the outbox in one transaction; a transition re-checks the status under a row lock with <see cref="TeamLifecycle"/>,
/// so two racing coordinators cannot both win.
/// </summary>
internal sealed class TeamStore(Database database, AuditTrail audit)
{
    // Also what MemberStore reads back when a member change moves the team's members_count.
    internal const string Columns = """
        id, name, kind, community_id, street_id, district_id, categories, skills, service_area, capacity, capacity_ceiling,
        availability, members_count, leader_name, leader_phone, mentor, status, hatched_at, suspended_at, version, created_at, updated_at
        """;

    // The team with its track record (a team no event has named yet has a record of zeros) and its waiting proposal.
    private const string Select = """
        select t.id, t.name, t.kind, t.community_id, t.street_id, t.district_id, t.categories, t.skills, t.service_area,
               t.capacity, t.capacity_ceiling, t.availability, t.members_count, t.leader_name, t.leader_phone, t.mentor, t.status,
               t.hatched_at, t.suspended_at, t.version, t.created_at, t.updated_at, p.id as pending_change_id,
               coalesce(r.orders_claimed, 0) as orders_claimed, coalesce(r.orders_completed, 0) as orders_completed,
               coalesce(r.orders_released, 0) as orders_released, coalesce(r.service_hours, 0) as service_hours,
               coalesce(r.volunteers_engaged, 0) as volunteers_engaged, coalesce(r.ratings_count, 0) as ratings_count,
               coalesce(r.ratings_sum, 0) as ratings_sum, coalesce(r.orders_reassigned, 0) as orders_reassigned,
               coalesce(r.orders_auto_released, 0) as orders_auto_released, coalesce(r.orders_transferred, 0) as orders_transferred,
               coalesce(r.resident_ratings_count, 0) as resident_ratings_count, coalesce(r.resident_ratings_sum, 0) as resident_ratings_sum
        from teams t left join team_track_records r on r.team_id = t.id
                     left join team_changes p on p.team_id = t.id and p.status = 'pending'
        """;

    public Task<Team?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Team>($"{Select} where t.id = @id", new { id }, ct);

    /// <summary>The team of that name in the district (names are unique there), if any: how a re-imported roster row finds the team it made before.</summary>
    public Task<Team?> FindByNameAsync(Guid districtId, string name, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Team>($"{Select} where t.district_id = @districtId and t.name = @name", new { districtId, name }, ct);

    public async Task<(IReadOnlyList<Team> Items, long Total)> ListAsync(TeamFilter filter, Paging paging, CancellationToken ct)
    {
        const string where = """
            where (cast(@Status as text) is null or t.status = @Status)
              and (cast(@CommunityId as uuid) is null or t.community_id = @CommunityId)
              and (cast(@StreetId as uuid) is null or t.street_id = @StreetId)
              and (cast(@Category as text) is null or t.categories @> array[cast(@Category as text)])
              and (cast(@Skill as text) is null or t.skills @> array[cast(@Skill as text)])
              and (cast(@Text as text) is null or strpos(lower(t.name), lower(@Text)) > 0)
            """;
        var parameters = new { filter.Status, filter.CommunityId, filter.StreetId, filter.Category, filter.Skill, filter.Text, limit = paging.Size, offset = paging.Offset };
        var items = await database.QueryAsync<Team>($"""
            {Select}
            {where}
            order by t.name, t.id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from teams t {where}", parameters, ct);
        return (items, total);
    }

    public Task<IReadOnlyList<TeamHistoryEntry>> HistoryAsync(Guid teamId, CancellationToken ct) =>
        database.QueryAsync<TeamHistoryEntry>(
            "select at, from_status, to_status, actor, reason, mentor from team_history where team_id = @teamId order by at, id",
            new { teamId }, ct);

    /// <summary>Stores a new team with its first history row and <c>TeamRegistered</c>; false when its district already has a team of that name.</summary>
    public async Task<bool> RegisterAsync(Team team, string actor, string? reason, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        try
        {
            await unit.ExecuteAsync($"""
                insert into teams ({Columns})
                values (@Id, @Name, @Kind, @CommunityId, @StreetId, @DistrictId, @Categories, @Skills, @ServiceArea, @Capacity, @CapacityCeiling, @Availability,
                        @MembersCount, @LeaderName, @LeaderPhone, @Mentor, @Status, @HatchedAt, @SuspendedAt, @Version, @CreatedAt, @UpdatedAt)
                """, team, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        await AddHistoryAsync(unit, team.Id, team.CreatedAt, null, team.Status, actor, reason, team.Mentor, ct);
        await unit.PublishAsync(new TeamRegistered(team.ToProfile(), team.CreatedAt), ct);
        await audit.RecordAsync(unit, AuditActions.TeamStatusChanged, AuditSubject.Team(team.Id), $"registered {team.Name} as {team.Status}", ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Applies <paramref name="action"/>; false when the team is gone or its status no longer allows it.
    /// The mentor given becomes the team's mentor; without one the current mentor stays (or, if it has none,
    /// the coordinator making the step becomes it), and the step records it.
    /// </summary>
    public async Task<bool> TransitionAsync(Guid id, TeamAction action, string? reason, string? mentor, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var from = await unit.QuerySingleOrDefaultAsync<string>("select status from teams where id = @id for update", new { id }, ct);
        if (from is null || TeamLifecycle.Next(from, action) is not { } to)
            return false;

        // A reinstated team keeps the date it first hatched; suspended_at says whether (and since when) it is suspended now.
        var team = await unit.QuerySingleAsync<Team>($"""
            update teams
            set status = @to, version = version + 1, updated_at = @now, mentor = coalesce(@mentor, mentor, @actor),
                hatched_at = case when @to = @Hatched then coalesce(hatched_at, @now) else hatched_at end,
                suspended_at = case when @to = @Suspended then @now else null end
            where id = @id
            returning {Columns}
            """, new { id, to, now, mentor, actor, TeamStatus.Hatched, TeamStatus.Suspended }, ct);
        await AddHistoryAsync(unit, id, now, from, to, actor, reason, team.Mentor, ct);
        await PublishTransitionAsync(unit, action, team, reason, now, ct);
        await audit.RecordAsync(unit, AuditActions.TeamStatusChanged, AuditSubject.Team(id), $"{from} → {to}{(reason is null ? "" : $": {reason}")}", ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// One edit of a service list, if the team is still at <paramref name="version"/>: <paramref name="applied"/> takes
    /// effect (with <c>TeamProfileChanged</c>) and <paramref name="proposal"/>, when there is one, becomes the team's
    /// waiting proposal in place of <paramref name="withdrawn"/>; each is recorded with its author.
    /// </summary>
    public async Task<ProfileOutcome> EditAsync(Guid id, long version, ProfileDiff applied, ProfileDiff? proposal, Guid? withdrawn,
        ChangeAuthor author, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var current = await unit.QuerySingleOrDefaultAsync<Team>($"select {Columns} from teams where id = @id for update", new { id }, ct);
        if (current is null)
            return ProfileOutcome.NotFound;
        if (!TeamLifecycle.MayEditProfile(current.Status))
            return ProfileOutcome.WrongStatus;
        if (current.Version != version)
            return ProfileOutcome.Stale;
        if (!applied.IsEmpty)
        {
            if (!await TryApplyAsync(unit, current.With(applied.After), now, ct))
                return ProfileOutcome.DuplicateName;
            await AddChangeAsync(unit, id, TeamChangeStatus.Applied, applied, author, now, ct);
        }
        if (withdrawn is { } pendingId)
            await unit.ExecuteAsync("""
                update team_changes set status = @Withdrawn, decided_by = @Username, decided_at = @now
                where id = @pendingId and status = @Pending
                """, new { pendingId, now, author.Username, TeamChangeStatus.Withdrawn, TeamChangeStatus.Pending }, ct);
        if (proposal is { IsEmpty: false })
            await AddChangeAsync(unit, id, TeamChangeStatus.Pending, proposal, author, now, ct);
        await unit.CommitAsync(ct);
        return ProfileOutcome.Changed;
    }

    /// <summary>The coordinator approves the team's proposal: its fields take effect over the current ones, with <c>TeamProfileChanged</c>.</summary>
    public async Task<DecisionOutcome> ApproveAsync(Guid teamId, Guid changeId, string decidedBy, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var current = await unit.QuerySingleOrDefaultAsync<Team>($"select {Columns} from teams where id = @teamId for update", new { teamId }, ct);
        if (current is null)
            return DecisionOutcome.NotFound;
        var change = await TeamChangeStore.FindAsync(unit, teamId, changeId, ct);
        if (change is null)
            return DecisionOutcome.NotFound;
        if (change.Status != TeamChangeStatus.Pending)
            return DecisionOutcome.NotPending;
        if (!TeamLifecycle.MayEditProfile(current.Status))
            return DecisionOutcome.TeamRetired;
        // The proposal changes no name, so nothing here can collide.
        await TryApplyAsync(unit, current.With(ProfileRights.NeedsApproval(change.After)), now, ct);
        await DecideAsync(unit, changeId, TeamChangeStatus.Approved, decidedBy, null, now, ct);
        await audit.RecordAsync(unit, AuditActions.TeamServiceListChanged, AuditSubject.Team(teamId),
            $"{TeamChangeStatus.Approved} change {changeId}: {ProfileFieldsJson.Write(change.After)}", ct);
        await unit.CommitAsync(ct);
        return DecisionOutcome.Decided;
    }

    /// <summary>The coordinator turns the team's proposal down, saying why; nothing of it takes effect.</summary>
    public async Task<DecisionOutcome> RejectAsync(Guid teamId, Guid changeId, string decidedBy, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var change = await TeamChangeStore.FindAsync(unit, teamId, changeId, ct);
        if (change is null)
            return DecisionOutcome.NotFound;
        if (change.Status != TeamChangeStatus.Pending)
            return DecisionOutcome.NotPending;
        await DecideAsync(unit, changeId, TeamChangeStatus.Rejected, decidedBy, reason, now, ct);
        await audit.RecordAsync(unit, AuditActions.TeamServiceListChanged, AuditSubject.Team(teamId), $"{TeamChangeStatus.Rejected} change {changeId}: {reason}", ct);
        await unit.CommitAsync(ct);
        return DecisionOutcome.Decided;
    }

    /// <summary>Writes the whole service list of <paramref name="edited"/> (status and place stay) and publishes it; false when its name is taken in the district (the caller then rolls back).</summary>
    private static async Task<bool> TryApplyAsync(UnitOfWork unit, Team edited, DateTimeOffset now, CancellationToken ct)
    {
        Team team;
        try
        {
            team = await unit.QuerySingleAsync<Team>($"""
                update teams
                set name = @Name, kind = @Kind, categories = @Categories, skills = @Skills, service_area = @ServiceArea,
                    capacity = @Capacity, capacity_ceiling = @CapacityCeiling, availability = @Availability, members_count = @MembersCount,
                    leader_name = @LeaderName, leader_phone = @LeaderPhone, version = version + 1, updated_at = @now
                where id = @Id
                returning {Columns}
                """, new
            {
                edited.Id, now, edited.Name, edited.Kind, edited.Categories, edited.Skills, edited.ServiceArea, edited.Capacity,
                edited.CapacityCeiling, edited.Availability, edited.MembersCount, edited.LeaderName, edited.LeaderPhone,
            }, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        await unit.PublishAsync(new TeamProfileChanged(team.ToProfile(), now), ct);
        return true;
    }

    private async Task AddChangeAsync(UnitOfWork unit, Guid teamId, string status, ProfileDiff diff, ChangeAuthor author, DateTimeOffset now,
        CancellationToken ct)
    {
        var (before, after) = (ProfileFieldsJson.Write(diff.Before), ProfileFieldsJson.Write(diff.After));
        await audit.RecordAsync(unit, AuditActions.TeamServiceListChanged, AuditSubject.Team(teamId), $"{status}: {before} → {after}", ct);
        await unit.ExecuteAsync("""
            insert into team_changes (id, team_id, status, before, after, changed_by, changed_by_role, changed_at)
            values (@id, @teamId, @status, @before::jsonb, @after::jsonb, @Username, @Role, @now)
            """, new
        {
            id = Guid.CreateVersion7(), teamId, status, before, after, author.Username, author.Role, now,
        }, ct);
    }

    private static async Task DecideAsync(UnitOfWork unit, Guid changeId, string status, string decidedBy, string? reason, DateTimeOffset now, CancellationToken ct) =>
        await unit.ExecuteAsync("""
            update team_changes set status = @status, decided_by = @decidedBy, decided_at = @now, reason = @reason
            where id = @changeId
            """, new { changeId, status, decidedBy, reason, now }, ct);

    /// <summary>
    /// Hatching announces itself; suspending and retiring both stop a team claiming, so both travel as
    /// <c>TeamSuspended</c> (the profile's status tells them apart); taking an applicant into incubation
    /// changes only its status, a profile change.
    /// </summary>
    private static Task PublishTransitionAsync(UnitOfWork unit, TeamAction action, Team team, string? reason, DateTimeOffset now, CancellationToken ct) =>
        action switch
        {
            TeamAction.Hatch => unit.PublishAsync(new TeamHatched(team.ToProfile(), now), ct),
            TeamAction.Suspend or TeamAction.Retire => unit.PublishAsync(new TeamSuspended(team.ToProfile(), reason, now), ct),
            _ => unit.PublishAsync(new TeamProfileChanged(team.ToProfile(), now), ct),
        };

    private static async Task AddHistoryAsync(UnitOfWork unit, Guid teamId, DateTimeOffset at, string? fromStatus, string toStatus,
        string actor, string? reason, string? mentor, CancellationToken ct) =>
        await unit.ExecuteAsync("""
            insert into team_history (team_id, at, from_status, to_status, actor, reason, mentor)
            values (@teamId, @at, @fromStatus, @toStatus, @actor, @reason, @mentor)
            """, new { teamId, at, fromStatus, toStatus, actor, reason, mentor }, ct);
}
