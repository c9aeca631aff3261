using Dapper;
using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Time;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.Matching.Data;

/// <summary>
/// Reads and transitions of orders. Every transition is one conditional update whose
/// <c>where</c> carries the legal source states from <see cref="OrderLifecycle"/>, so two racing
/// requests can never both succeed; the event goes to the outbox in the same transaction.
/// </summary>
internal sealed class OrderStore(Database database, IOptions<EscalationOptions> escalation, AuditTrail audit)
{
    /// <summary>What <c>claim_order</c> raises when the team is full or no longer hatched (the order is rolled back).</summary>
    private const string TeamRefusedState = "DX001";

    private sealed record ClaimRow(long? ClaimedVersion, string? OrderStatus, Guid? HolderId);

    private const string OrderColumns = """
        o.need_id, o.community_id, o.street_id, o.district_id, c.name as community_name, o.title, o.category,
        o.skills, o.volunteers_needed, o.starts_at, o.ends_at, o.claim_deadline, o.urgency, o.target_team_id, o.directed_by_coordinator,
        o.status, o.team_id, o.version, o.published_at, o.claimed_at, o.started_at, o.completed_at,
        o.service_hours, o.volunteers_count, o.summary, o.rating, o.escalation_level, o.due_at,
        o.overdue_at, o.expires_at
        """;

    public Task<Order?> FindAsync(Guid needId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Order>(
            $"select {OrderColumns} from orders o left join communities c on c.id = o.community_id where o.need_id = @needId",
            new { needId }, ct);

    /// <summary>The order and the team asking for it, in one round trip (the claim reads both before it decides).</summary>
    public async Task<(Order? Order, Team? Team)> FindWithTeamAsync(Guid needId, Guid teamId, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            select {OrderColumns} from orders o left join communities c on c.id = o.community_id where o.need_id = @needId;
            select * from teams where team_id = @teamId
            """, new { needId, teamId }, cancellationToken: ct));
        var order = await results.ReadSingleOrDefaultAsync<Order>();
        var team = await results.ReadSingleOrDefaultAsync<Team>();
        return (order, team);
    }

    public Task<Team?> FindTeamAsync(Guid teamId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Team>("select * from teams where team_id = @teamId", new { teamId }, ct);

    /// <summary>Published orders the team might take: directed to it, or open in its district and category; the domain decides the rest.</summary>
    public Task<IReadOnlyList<Order>> HallCandidatesAsync(Team team, CancellationToken ct) =>
        database.QueryAsync<Order>($"""
            select {OrderColumns} from orders o left join communities c on c.id = o.community_id
            where o.status = '{OrderStatus.Published}'
              and (o.target_team_id = @TeamId
                   or (o.target_team_id is null and o.district_id = @DistrictId and o.category = any(@Categories)))
            """, new { team.TeamId, team.DistrictId, team.Categories }, ct);

    public async Task<(IReadOnlyList<Order> Items, long Total)> MineAsync(Guid teamId, string? status, Paging paging, CancellationToken ct)
    {
        // A directed order waiting for this team's answer is "its" order too.
        const string filter = $"""
            where (o.team_id = @teamId or (o.target_team_id = @teamId and o.status = '{OrderStatus.Published}'))
              and (cast(@status as text) is null or o.status = @status)
            """;
        var parameters = new { teamId, status, limit = paging.Size, offset = paging.Offset };
        var items = await database.QueryAsync<Order>($"""
            select {OrderColumns} from orders o left join communities c on c.id = o.community_id
            {filter}
            order by o.published_at desc, o.need_id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from orders o {filter}", parameters, ct);
        return (items, total);
    }

    /// <summary>
    /// Claim (or accept a directed order): the order, the team's capacity and the event change together or not
    /// at all, in one call of <c>claim_order</c> (migration 0009), so the order row is locked for one statement.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(Guid needId, Guid teamId, OrderAction action, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = OutboxMessage.For(new OrderClaimed(needId, teamId, now, Version: 0)); // claim_order sets the version
        ClaimRow row;
        try
        {
            row = await database.QuerySingleAsync<ClaimRow>("""
                select * from claim_order(@needId, @teamId, @From, @To, @DirectedOnly, @TeamStatus, @now,
                                          @MessageId, @MessageType, @Body::jsonb, @TraceParent)
                """, new
            {
                needId, teamId, now, From = OrderLifecycle.From(action), To = OrderLifecycle.To(action),
                DirectedOnly = action == OrderAction.Accept, TeamStatus = Team.Hatched,
                claimed.MessageId, claimed.MessageType, claimed.Body, claimed.TraceParent,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == TeamRefusedState)
        {
            return new ClaimResult(ClaimOutcome.TeamRefused);
        }
        if (row.ClaimedVersion is null)
            return new ClaimResult(ClaimOutcome.OrderTaken, row.OrderStatus, row.HolderId);
        database.OutboxWritten();
        return new ClaimResult(ClaimOutcome.Claimed);
    }

    /// <summary>The named team turns a directed order down: it stays published, open to every eligible team.</summary>
    public async Task<bool> DeclineAsync(Guid needId, Guid teamId, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var version = await unit.QuerySingleOrDefaultAsync<long?>("""
            update orders set status = @To, target_team_id = null, version = version + 1
            where need_id = @needId and status = any(@From) and target_team_id = @teamId
            returning version
            """, new { needId, teamId, From = OrderLifecycle.From(OrderAction.Decline), To = OrderLifecycle.To(OrderAction.Decline) }, ct);
        if (version is null)
            return false;
        await unit.PublishAsync(new OrderDeclined(needId, teamId, reason, now, version.Value), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>The coordinator directs the open order to a team (its call, past the team's service list): a fresh answer window.</summary>
    public async Task<bool> DirectAsync(Guid needId, Guid teamId, string actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var version = await unit.QuerySingleOrDefaultAsync<long?>("""
            update orders set target_team_id = @teamId, directed_by_coordinator = true, version = version + 1, due_at = @dueAt
            where need_id = @needId and status = any(@From)
            returning version
            """, new
        {
            needId, teamId, From = OrderLifecycle.From(OrderAction.Direct), dueAt = now.ToUniversalTime() + escalation.Value.DefaultClaimWindow,
        }, ct);
        if (version is null)
            return false;
        await unit.PublishAsync(new OrderDirected(needId, teamId, actor, reason, now, version.Value), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>The holding team gives the order back: published again, open to all (a directed order too), and a place freed.</summary>
    public async Task<bool> ReleaseAsync(Guid needId, Guid teamId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var version = await unit.QuerySingleOrDefaultAsync<long?>("""
            update orders set status = @To, team_id = null, target_team_id = null, claimed_at = null, overdue_at = null,
                version = version + 1, due_at = least(@dueAt, expires_at)
            where need_id = @needId and team_id = @teamId and status = any(@From)
            returning version
            """, new
        {
            needId, teamId, From = OrderLifecycle.From(OrderAction.Release), To = OrderLifecycle.To(OrderAction.Release),
            // Back in the hall with a fresh claim window, up to its expiry; the reach it had already earned stays.
            dueAt = now.ToUniversalTime() + escalation.Value.DefaultClaimWindow,
        }, ct);
        if (version is null)
            return false;
        await TeamCapacity.FreePlaceAsync(unit, teamId, OrderAction.Release, ct);
        await unit.PublishAsync(new OrderReleased(needId, teamId, reason, now, version.Value), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>Claimed orders the team has let pass their service start unstarted.</summary>
    public Task<long> OverdueHeldAsync(Guid teamId, CancellationToken ct) =>
        database.QuerySingleAsync<long>(
            "select count(*) from orders where team_id = @teamId and overdue_at is not null and status = @Claimed",
            new { teamId, OrderStatus.Claimed }, ct);

    /// <summary>The street's overdue orders, the soonest to be released first: where the coordinator should call a team.</summary>
    public async Task<(IReadOnlyList<OverdueOrder> Items, long Total)> OverdueInStreetAsync(Guid streetId, Paging paging, CancellationToken ct)
    {
        const string filter = $"where o.street_id = @streetId and o.status = '{OrderStatus.Claimed}' and o.overdue_at is not null";
        var parameters = new { streetId, limit = paging.Size, offset = paging.Offset };
        var items = await database.QueryAsync<OverdueOrder>($"""
            select o.need_id, o.title, o.community_id, c.name as community_name, o.team_id, t.name as team_name, o.starts_at, o.overdue_at
            from orders o left join communities c on c.id = o.community_id left join teams t on t.team_id = o.team_id
            {filter}
            order by o.starts_at, o.need_id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from orders o {filter}", parameters, ct);
        return (items, total);
    }

    /// <summary>Directed orders waiting for the team's answer: each will take a place if accepted.</summary>
    public Task<long> DirectedAwaitingAsync(Guid teamId, CancellationToken ct) =>
        database.QuerySingleAsync<long>(
            "select count(*) from orders where target_team_id = @teamId and status = @Published",
            new { teamId, OrderStatus.Published }, ct);

    /// <summary>
    /// A coordinator takes the order from <paramref name="fromTeamId"/>, where it is <paramref name="status"/>, and publishes it
    /// again, directed to <paramref name="toTeamId"/> or open to all, with a fresh claim window; a place the team held is freed.
    /// The new team accepts it by the same fit as a claim (not a coordinator's direction across it).
    /// </summary>
    public async Task<long?> ReassignAsync(Guid needId, Guid fromTeamId, string status, Guid? toTeamId, string reason, string actor,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var version = await OrderMove.MoveAsync(unit, needId, fromTeamId, status, OrderAction.Reassign, toTeamId, now,
            now + escalation.Value.DefaultClaimWindow, ct);
        if (version is null)
            return null;
        await unit.PublishAsync(new OrderReassigned(needId, fromTeamId, status, toTeamId, reason, actor, now, version.Value), ct);
        await audit.RecordAsync(unit, AuditActions.OrderReassigned, AuditSubject.Need(needId),
            $"from team {fromTeamId} ({status}) to {(toTeamId is { } to ? $"team {to}" : "the hall")}: {reason}", ct);
        await unit.CommitAsync(ct);
        return version;
    }

    public async Task<bool> StartAsync(Guid needId, Guid teamId, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var version = await unit.QuerySingleOrDefaultAsync<long?>("""
            update orders set status = @To, started_at = @now, overdue_at = null, version = version + 1
            where need_id = @needId and team_id = @teamId and status = any(@From)
            returning version
            """, new { needId, teamId, now, From = OrderLifecycle.From(OrderAction.Start), To = OrderLifecycle.To(OrderAction.Start) }, ct);
        if (version is null)
            return false;
        await unit.PublishAsync(new OrderStarted(needId, teamId, now, version.Value), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The team, then one volunteer a row, the order's category and community and the day it was served (in the
    /// completion event: the team registry keeps each row in the volunteer's ledger).
    /// </summary>
    public async Task<bool> CompleteAsync(Guid needId, Guid teamId, Completion completion, string recordedBy, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var completed = await unit.QuerySingleOrDefaultAsync<CompletedOrder>("""
            update orders
            set status = @To, completed_at = @now, service_hours = @ServiceHours, volunteers_count = @VolunteersCount,
                summary = @Summary, version = version + 1
            where need_id = @needId and team_id = @teamId and status = any(@From)
            returning version, category, community_id, started_at
            """, new
        {
            needId, teamId, now, completion.ServiceHours, completion.VolunteersCount, completion.Summary,
            From = OrderLifecycle.From(OrderAction.Complete), To = OrderLifecycle.To(OrderAction.Complete),
        }, ct);
        if (completed is null)
            return false;
        await TeamCapacity.FreePlaceAsync(unit, teamId, OrderAction.Complete, ct);
        await unit.PublishAsync(new OrderCompleted(needId, teamId, completion.ServiceHours, completion.VolunteersCount, completion.Summary, now,
            completed.Version, completion.Attendance, completed.Category, completed.CommunityId, ServiceDates.Of(completed.StartedAt ?? now), recordedBy), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>Of <paramref name="memberIds"/>, those not on the team's member list on <paramref name="servedOn"/> (unknown, another team's, or left before).</summary>
    public async Task<IReadOnlyList<Guid>> NotServingMembersAsync(Guid teamId, IReadOnlyList<Guid> memberIds, DateOnly servedOn, CancellationToken ct) =>
        await database.QueryAsync<Guid>("""
            select a.id from unnest(@ids) as a(id)
            where not exists (select 1 from team_members m
                              where m.member_id = a.id and m.team_id = @teamId and (m.left_on is null or m.left_on >= @servedOn))
            """, new { teamId, ids = memberIds.ToArray(), servedOn }, ct);
}
