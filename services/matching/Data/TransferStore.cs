using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.Matching.Data;

/// <summary>
/// Transfer requests: a team asks the holder of a claimed order for it. The approval — by the holder, the street's coordinator
/// or the sweep for a silent holder — moves the order with <see cref="OrderMove"/> in the transaction that closes the request,
/// with the request and the order rows locked, so a racing release, start, claim or second approval leaves exactly one holder.
/// </summary>
internal sealed class TransferStore(Database database, IOptions<TransfersOptions> options, IOptions<EscalationOptions> escalation)
{
    private const string UniqueViolation = "23505";

    private const string Columns = """
        r.id, r.need_id, r.from_team_id, r.to_team_id, r.street_id, r.reason, r.requested_by, r.requested_at, r.auto_approve_at,
        r.status, r.decided_by, r.decided_at, r.decision_reason, o.title, f.name as from_team_name, t.name as to_team_name
        """;

    private const string Joins = """
        from transfer_requests r join orders o on o.need_id = r.need_id
        left join teams f on f.team_id = r.from_team_id left join teams t on t.team_id = r.to_team_id
        """;

    public Task<TransferRequest?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<TransferRequest>($"select {Columns} {Joins} where r.id = @id", new { id }, ct);

    /// <summary>
    /// Opens a request of <paramref name="toTeamId"/> for the order <paramref name="order"/>'s holder holds; null when the order
    /// already has an open request. A request left open on an order that has since changed hands lapses first.
    /// </summary>
    public async Task<TransferRequest?> OpenAsync(Order order, Guid toTeamId, string reason, string requestedBy, DateTimeOffset now, CancellationToken ct)
    {
        var request = new TransferRequest
        {
            Id = Guid.NewGuid(), NeedId = order.NeedId, FromTeamId = order.TeamId!.Value, ToTeamId = toTeamId, StreetId = order.StreetId,
            Reason = reason, RequestedBy = requestedBy, RequestedAt = now.ToUniversalTime(),
            AutoApproveAt = now.ToUniversalTime() + options.Value.AutoApproveAfter, Status = TransferStatus.Open, Title = order.Title,
        };
        await using var unit = await database.BeginAsync(ct);
        foreach (var stale in await unit.QueryAsync<TransferRequest>($"""
                     select r.* from transfer_requests r join orders o on o.need_id = r.need_id
                     where r.need_id = @NeedId and r.status = '{TransferStatus.Open}'
                       and (o.status <> '{OrderStatus.Claimed}' or o.team_id is distinct from r.from_team_id)
                     for update of r
                     """, new { order.NeedId }, ct))
            await LapseAsync(unit, stale, "the order changed hands before anyone decided", now, ct);
        try
        {
            await unit.ExecuteAsync("""
                insert into transfer_requests (id, need_id, from_team_id, to_team_id, street_id, reason, requested_by, requested_at,
                                               auto_approve_at, status)
                values (@Id, @NeedId, @FromTeamId, @ToTeamId, @StreetId, @Reason, @RequestedBy, @RequestedAt, @AutoApproveAt, @Status)
                """, request, ct);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return null;
        }
        await unit.PublishAsync(new TransferRequested(request.Id, request.NeedId, request.FromTeamId, request.ToTeamId, reason, requestedBy,
            request.RequestedAt, request.AutoApproveAt), ct);
        await unit.CommitAsync(ct);
        return request;
    }

    /// <summary>
    /// The open requests the caller may see: a team's sent and received ones (<paramref name="teamId"/>), or a street's
    /// (<paramref name="streetId"/>), the oldest first.
    /// </summary>
    public async Task<(IReadOnlyList<TransferRequest> Items, long Total)> OpenForAsync(Guid? teamId, Guid? streetId, Paging paging, CancellationToken ct)
    {
        const string filter = $"""
            where r.status = '{TransferStatus.Open}'
              and (cast(@teamId as uuid) is null or r.from_team_id = @teamId or r.to_team_id = @teamId)
              and (cast(@streetId as uuid) is null or r.street_id = @streetId)
            """;
        var parameters = new { teamId, streetId, limit = paging.Size, offset = paging.Offset };
        var items = await database.QueryAsync<TransferRequest>($"""
            select {Columns} {Joins}
            {filter}
            order by r.requested_at, r.id
            limit @limit offset @offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from transfer_requests r {filter}", parameters, ct);
        return (items, total);
    }

    /// <summary>Approves the open request <paramref name="id"/> in one transaction; see <see cref="TransferOutcome"/>.</summary>
    public async Task<TransferOutcome> ApproveAsync(Guid id, string approvedBy, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var request = await unit.QuerySingleOrDefaultAsync<TransferRequest>(
            $"select * from transfer_requests where id = @id and status = '{TransferStatus.Open}' for update", new { id }, ct);
        if (request is null)
            return TransferOutcome.NotOpen;
        var outcome = await ApproveAsync(unit, request, approvedBy, reason, now, ct);
        if (outcome is TransferOutcome.TeamFull)
            return outcome; // the order stays where it is and the request open; the rollback returns any place taken
        await unit.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// Approves every open request whose holder stayed silent past <see cref="TransfersOptions.AutoApproveAfter"/>, one per
    /// transaction, taken "for update skip locked" so that replicas sweeping at once approve each once. Returns how many it decided.
    /// </summary>
    public async Task<int> ApproveDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var decided = 0;
        while (true)
        {
            TransferRequest? full = null;
            await using (var unit = await database.BeginAsync(ct))
            {
                var request = await unit.QuerySingleOrDefaultAsync<TransferRequest>($"""
                    select * from transfer_requests where status = '{TransferStatus.Open}' and auto_approve_at <= @now
                    order by auto_approve_at, id limit 1
                    for update skip locked
                    """, new { now }, ct);
                if (request is null)
                    return decided;
                if (await ApproveAsync(unit, request, "matching", "approved automatically: the holder did not answer in time", now, ct) is TransferOutcome.TeamFull)
                    full = request; // left uncommitted: disposing the unit rolls the move back
                else
                    await unit.CommitAsync(ct);
            }
            if (full is not null)
            {
                // A silent holder is consent, but the asking team has no room now and nothing will make some by itself: the request lapses.
                await using var lapse = await database.BeginAsync(ct);
                if (await lapse.QuerySingleOrDefaultAsync<TransferRequest>(
                        $"select * from transfer_requests where id = @Id and status = '{TransferStatus.Open}' for update", new { full.Id }, ct) is { } still)
                    await LapseAsync(lapse, still, "approved automatically, but the asking team had no free place", now, ct);
                await lapse.CommitAsync(ct);
            }
            decided++;
        }
    }

    public async Task<bool> DeclineAsync(Guid id, string declinedBy, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var request = await unit.QuerySingleOrDefaultAsync<TransferRequest>(
            $"select * from transfer_requests where id = @id and status = '{TransferStatus.Open}' for update", new { id }, ct);
        if (request is null)
            return false;
        await CloseAsync(unit, request, TransferStatus.Declined, declinedBy, reason, now, ct);
        await unit.PublishAsync(new TransferDeclined(request.Id, request.NeedId, request.FromTeamId, request.ToTeamId, reason, declinedBy,
            Lapsed: false, now), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    /// <summary>The move itself, under the request's lock: the order row is locked too, then checked, then moved.</summary>
    private async Task<TransferOutcome> ApproveAsync(UnitOfWork unit, TransferRequest request, string approvedBy, string? reason, DateTimeOffset now,
        CancellationToken ct)
    {
        var order = await unit.QuerySingleAsync<Order>("select * from orders where need_id = @NeedId for update", new { request.NeedId }, ct);
        if (order.Status != OrderStatus.Claimed || order.TeamId != request.FromTeamId)
        {
            await LapseAsync(unit, request, $"the order is {order.Status}{(order.TeamId is { } holder && holder != request.FromTeamId ? " with another team" : "")}", now, ct);
            return TransferOutcome.Lapsed;
        }
        var target = await TeamReadModel.FindAsync(unit, request.ToTeamId, ct);
        if (target is null || ClaimEligibility.Refusal(target, order with { TargetTeamId = null }) is not null)
        {
            await LapseAsync(unit, request, "the asking team may no longer take this order", now, ct);
            return TransferOutcome.Lapsed;
        }
        var version = await OrderMove.MoveAsync(unit, request.NeedId, request.FromTeamId, OrderStatus.Claimed, OrderAction.Transfer, request.ToTeamId,
            now, now + escalation.Value.DefaultClaimWindow, ct);
        if (version is null)
            return TransferOutcome.TeamFull;
        var said = string.IsNullOrWhiteSpace(reason) ? request.Reason : reason.Trim();
        await CloseAsync(unit, request, TransferStatus.Approved, approvedBy, said, now, ct);
        await unit.PublishAsync(new OrderTransferred(request.NeedId, request.Id, request.FromTeamId, request.ToTeamId, said, approvedBy, now,
            version.Value), ct);
        return TransferOutcome.Approved;
    }

    private static async Task LapseAsync(UnitOfWork unit, TransferRequest request, string why, DateTimeOffset now, CancellationToken ct)
    {
        await CloseAsync(unit, request, TransferStatus.Lapsed, "matching", why, now, ct);
        await unit.PublishAsync(new TransferDeclined(request.Id, request.NeedId, request.FromTeamId, request.ToTeamId, why, "matching", Lapsed: true, now), ct);
    }

    private static async Task CloseAsync(UnitOfWork unit, TransferRequest request, string status, string decidedBy, string reason, DateTimeOffset now,
        CancellationToken ct) =>
        await unit.ExecuteAsync("""
            update transfer_requests set status = @status, decided_by = @decidedBy, decided_at = @now, decision_reason = @reason
            where id = @Id
            """, new { request.Id, status, decidedBy, now = now.ToUniversalTime(), reason }, ct);
}
