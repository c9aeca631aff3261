using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// Teams' member lists. A change to a member publishes <c>TeamMemberChanged</c> (no name, no phone) in its
/// transaction; when it changes how many members have not left, the team's <c>members_count</c> follows, its
/// version grows and <c>TeamProfileChanged</c> goes out with it. The team row is locked first, so concurrent
/// changes to one team's members count one after another.
/// </summary>
internal sealed class MemberStore(Database database)
{
    private const string Columns = "id, team_id, name, phone, skills, joined_on, left_on, version, recorded_by, created_at, updated_at";

    // A member's hours: the sum of their current ledger rows (those no correction replaced).
    private const string Select = """
        select m.id, m.team_id, m.name, m.phone, m.skills, m.joined_on, m.left_on, m.version, m.recorded_by, m.created_at, m.updated_at,
               coalesce((select sum(r.hours) from service_records r
                         where r.member_id = m.id and not exists (select 1 from service_records c where c.corrects_id = r.id)), 0) as service_hours
        from members m
        """;

    public Task<Member?> FindAsync(Guid teamId, Guid memberId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Member>($"{Select} where m.team_id = @teamId and m.id = @memberId", new { teamId, memberId }, ct);

    public Task<Member?> FindByPersonAsync(Guid teamId, string name, string? phone, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Member>(
            $"{Select} where m.team_id = @teamId and m.name = @name and coalesce(m.phone, '') = coalesce(@phone, '')", new { teamId, name, phone }, ct);

    /// <summary>Whether the team keeps a member list (from then on its members count follows it).</summary>
    public Task<bool> AnyAsync(Guid teamId, CancellationToken ct) =>
        database.QuerySingleAsync<bool>("select exists (select 1 from members where team_id = @teamId)", new { teamId }, ct);

    public async Task<(IReadOnlyList<Member> Items, long Total)> ListAsync(Guid teamId, MemberFilter filter, int page, int pageSize, CancellationToken ct)
    {
        const string where = """
            where m.team_id = @teamId
              and (cast(@Current as boolean) is null or (m.left_on is null) = @Current)
              and (cast(@Name as text) is null or strpos(m.name, @Name) > 0)
            """;
        var parameters = new { teamId, filter.Current, filter.Name, limit = pageSize, offset = (page - 1) * pageSize };
        var items = await database.QueryAsync<Member>($"{Select} {where} order by m.left_on is not null, m.name, m.id limit @limit offset @offset", parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from members m {where}", parameters, ct);
        return (items, total);
    }

    public async Task<MemberOutcome> AddAsync(Member member, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockTeamAsync(unit, member.TeamId, ct) is { } refused)
            return refused;
        if (await unit.QuerySingleOrDefaultAsync<Guid?>($"""
                insert into members ({Columns})
                values (@Id, @TeamId, @Name, @Phone, @Skills, @JoinedOn, @LeftOn, @Version, @RecordedBy, @CreatedAt, @UpdatedAt)
                on conflict (team_id, name, coalesce(phone, '')) do nothing
                returning id
                """, member, ct) is null)
            return MemberOutcome.Duplicate;
        await AnnounceAsync(unit, member, member.CreatedAt, ct);
        await unit.CommitAsync(ct);
        return MemberOutcome.Saved;
    }

    /// <summary>Replaces the member's record with <paramref name="edited"/> (same id and team), its version one higher.</summary>
    public async Task<MemberOutcome> UpdateAsync(Member edited, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockTeamAsync(unit, edited.TeamId, ct) is { } refused)
            return refused;
        Member? saved;
        try
        {
            saved = await unit.QuerySingleOrDefaultAsync<Member>($"""
                update members
                set name = @Name, phone = @Phone, skills = @Skills, joined_on = @JoinedOn, left_on = @LeftOn,
                    version = version + 1, updated_at = @UpdatedAt
                where id = @Id and team_id = @TeamId
                returning {Columns}
                """, edited, ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            return MemberOutcome.Duplicate;
        }
        if (saved is null)
            return MemberOutcome.NotFound;
        await AnnounceAsync(unit, saved, edited.UpdatedAt, ct);
        await unit.CommitAsync(ct);
        return MemberOutcome.Saved;
    }

    private static async Task<MemberOutcome?> LockTeamAsync(UnitOfWork unit, Guid teamId, CancellationToken ct)
    {
        var status = await unit.QuerySingleOrDefaultAsync<string>("select status from teams where id = @teamId for update", new { teamId }, ct);
        return status is null ? MemberOutcome.NotFound
            : TeamLifecycle.MayEditProfile(status) ? null
            : MemberOutcome.TeamRetired;
    }

    private static async Task AnnounceAsync(UnitOfWork unit, Member member, DateTimeOffset now, CancellationToken ct)
    {
        await unit.PublishAsync(member.ToChanged(now), ct);
        var team = await unit.QuerySingleOrDefaultAsync<Team>($"""
            update teams
            set members_count = counted.members, version = version + 1, updated_at = @now
            from (select count(*)::int as members from members where team_id = @TeamId and left_on is null) counted
            where id = @TeamId and members_count <> counted.members
            returning {TeamStore.Columns}
            """, new { member.TeamId, now }, ct);
        if (team is not null)
            await unit.PublishAsync(new TeamProfileChanged(team.ToProfile(), now), ct);
    }
}
