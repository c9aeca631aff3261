using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Time;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>
/// The service-hours ledger. Completions add one row per member who served (from <c>OrderCompleted</c>, in the
/// consumer's unit of work); a correction adds a row naming the one it replaces. Nothing is updated or deleted.
/// </summary>
internal sealed class ServiceRecordStore(Database database)
{
    private const string Select = """
        select r.id, r.member_id, r.team_id, t.name as team_name, r.need_id, r.served_on, r.category, r.community_id,
               c.name as community_name, r.hours, r.recorded_by, r.recorded_at, r.corrects_id, r.reason,
               (select n.id from service_records n where n.corrects_id = r.id) as corrected_by_id
        from service_records r
        join teams t on t.id = r.team_id
        left join communities c on c.id = r.community_id
        """;

    /// <summary>
    /// Keeps the completed order and, when the team named who served, a ledger row per member. Only members of
    /// the completing team are recorded (the matching service checked them against the same list); a redelivered
    /// event finds its rows there and adds nothing.
    /// </summary>
    public static async Task RecordCompletionAsync(UnitOfWork unit, OrderCompleted completed, CancellationToken ct)
    {
        var servedOn = completed.ServedOn ?? ServiceDates.Of(completed.CompletedAt);
        var attendance = completed.Attendance ?? [];
        await unit.ExecuteAsync("""
            insert into team_services (need_id, team_id, community_id, category, served_on, service_hours, volunteers_count, with_attendance, completed_at)
            values (@NeedId, @TeamId, @CommunityId, @Category, @servedOn, @ServiceHours, @VolunteersCount, @withAttendance, @CompletedAt)
            on conflict (need_id) do nothing
            """, new
        {
            completed.NeedId, completed.TeamId, completed.CommunityId, completed.Category, servedOn, completed.ServiceHours,
            completed.VolunteersCount, withAttendance = attendance.Count > 0, completed.CompletedAt,
        }, ct);
        if (attendance.Count == 0 || completed.Category is null || completed.CommunityId is null)
            return;
        await unit.ExecuteAsync("""
            insert into service_records (id, member_id, team_id, need_id, served_on, category, community_id, hours, recorded_by, recorded_at)
            select a.id, m.id, m.team_id, @NeedId, @servedOn, @Category, @CommunityId, a.hours, @recordedBy, @CompletedAt
            from unnest(@ids, @members, @hours) as a(id, member_id, hours)
            join members m on m.id = a.member_id and m.team_id = @TeamId
            on conflict (need_id, member_id) where corrects_id is null do nothing
            """, new
        {
            completed.NeedId, completed.TeamId, servedOn, completed.Category, completed.CommunityId, completed.CompletedAt,
            recordedBy = completed.RecordedBy ?? "team",
            ids = attendance.Select(_ => Guid.CreateVersion7()).ToArray(),
            members = attendance.Select(a => a.MemberId).ToArray(),
            hours = attendance.Select(a => a.Hours).ToArray(),
        }, ct);
    }

    public Task<ServiceRecord?> FindAsync(Guid memberId, Guid recordId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<ServiceRecord>($"{Select} where r.member_id = @memberId and r.id = @recordId", new { memberId, recordId }, ct);

    /// <summary>The member's ledger, newest service first; a correction keeps its record's date, so it sits just above it.</summary>
    public async Task<(IReadOnlyList<ServiceRecord> Items, long Total)> ListAsync(Guid memberId, int page, int pageSize, CancellationToken ct)
    {
        // Counted first: records are only ever added, so the page read after it holds every record the total counts
        // (read the other way round, a completion landing in between gave a total of 1 over an empty page).
        var total = await database.QuerySingleAsync<long>("select count(*) from service_records where member_id = @memberId", new { memberId }, ct);
        var items = await database.QueryAsync<ServiceRecord>(
            $"{Select} where r.member_id = @memberId order by r.served_on desc, r.recorded_at desc, r.id desc limit @limit offset @offset",
            new { memberId, limit = pageSize, offset = (page - 1) * pageSize }, ct);
        return (items, total);
    }

    /// <summary>
    /// Adds a row with <paramref name="hours"/> that replaces <paramref name="correctsId"/>: same order, date, category
    /// and community. A row is corrected once (the unique <c>corrects_id</c>); a later correction corrects the correction.
    /// </summary>
    public async Task<CorrectionOutcome> CorrectAsync(Guid memberId, Guid correctsId, decimal hours, string reason, string recordedBy,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var unit = await database.BeginAsync(ct);
        try
        {
            var inserted = await unit.ExecuteAsync("""
                insert into service_records (id, member_id, team_id, need_id, served_on, category, community_id, hours, recorded_by, recorded_at, corrects_id, reason)
                select @id, member_id, team_id, need_id, served_on, category, community_id, @hours, @recordedBy, @now, id, @reason
                from service_records where id = @correctsId and member_id = @memberId
                """, new { id, memberId, correctsId, hours, recordedBy, now, reason }, ct);
            if (inserted == 0)
                return CorrectionOutcome.NotFound;
            await unit.CommitAsync(ct);
        }
        catch (Exception ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            var by = await database.QuerySingleOrDefaultAsync<Guid?>("select id from service_records where corrects_id = @correctsId", new { correctsId }, ct);
            return new CorrectionOutcome(null, by);
        }
        return new CorrectionOutcome(await FindAsync(memberId, id, ct));
    }

    /// <summary>The member's current hours from <paramref name="from"/> to <paramref name="to"/> (both days included), by category.</summary>
    public Task<IReadOnlyList<ServiceLine>> LinesAsync(Guid memberId, DateOnly from, DateOnly to, CancellationToken ct) =>
        database.QueryAsync<ServiceLine>("""
            select r.category, count(distinct r.need_id)::int as orders, sum(r.hours) as hours
            from service_records r
            where r.member_id = @memberId and r.served_on between @from and @to and r.hours > 0
              and not exists (select 1 from service_records c where c.corrects_id = r.id)
            group by r.category
            order by sum(r.hours) desc, r.category
            """, new { memberId, from, to }, ct);
}
