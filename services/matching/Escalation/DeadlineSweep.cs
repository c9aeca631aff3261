using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Telemetry;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Escalation;

/// <summary>
/// One pass over the orders whose deadline has passed: each climbs one step of
/// <see cref="EscalationLadder"/> or expires, and its event goes to the outbox in the same
/// transaction. "for update skip locked" lets several replicas sweep at once without two taking
/// the same order; moving due_at forward is what makes a step happen once.
/// </summary>
internal sealed class DeadlineSweep(Database database, MatchingMetrics metrics, IOptions<EscalationOptions> options, TimeProvider clock)
{
    private sealed record DueOrder(Guid NeedId, int EscalationLevel);

    /// <summary>Sweeps batch after batch until nothing is due; returns how many orders moved.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var moved = await SweepBatchAsync(ct);
            total += moved;
            if (moved < options.Value.BatchSize)
                return total;
        }
    }

    private async Task<int> SweepBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var unit = await database.BeginAsync(ct);
        var due = await unit.QueryAsync<DueOrder>($"""
            select need_id, escalation_level from orders
            where status = '{OrderStatus.Published}' and due_at <= @now
            order by due_at, need_id
            limit @batch
            for update skip locked
            """, new { now, batch = options.Value.BatchSize }, ct);
        var escalatedTo = new List<int>();
        foreach (var order in due)
        {
            if (EscalationLadder.ExpiresNext(order.EscalationLevel))
                await ExpireAsync(unit, order.NeedId, now, ct);
            else
                escalatedTo.Add(await EscalateAsync(unit, order.NeedId, now, ct));
        }
        await unit.CommitAsync(ct);
        foreach (var order in due.Where(o => EscalationLadder.ExpiresNext(o.EscalationLevel)))
            metrics.Expired(order.EscalationLevel);
        foreach (var level in escalatedTo)
            metrics.Escalated(level);
        return due.Count;
    }

    /// <summary>Widens the order one level; returns the level it reached.</summary>
    private async Task<int> EscalateAsync(UnitOfWork unit, Guid needId, DateTimeOffset now, CancellationToken ct)
    {
        // A directed order its team left unanswered opens to everyone it now reaches.
        var (version, level) = await unit.QuerySingleAsync<(long, int)>("""
            update orders
            set escalation_level = escalation_level + 1, target_team_id = null, due_at = @nextDue, version = version + 1
            where need_id = @needId and status = any(@From)
            returning version, escalation_level
            """, new { needId, nextDue = now + options.Value.StepWindow, From = OrderLifecycle.From(OrderAction.Escalate) }, ct);
        await unit.PublishAsync(new OrderEscalated(needId, level, now, version), ct);
        return level;
    }

    private static async Task ExpireAsync(UnitOfWork unit, Guid needId, DateTimeOffset now, CancellationToken ct)
    {
        var version = await unit.QuerySingleAsync<long>("""
            update orders set status = @To, expired_at = @now, due_at = null, target_team_id = null, version = version + 1
            where need_id = @needId and status = any(@From)
            returning version
            """, new { needId, now, From = OrderLifecycle.From(OrderAction.Expire), To = OrderLifecycle.To(OrderAction.Expire) }, ct);
        await unit.PublishAsync(new OrderExpired(needId, now, version), ct);
    }
}
