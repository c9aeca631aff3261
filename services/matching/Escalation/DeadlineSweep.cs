using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Telemetry;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Escalation;

/// <summary>
/// One pass over the orders whose time has come, each change with its event in the outbox in the same transaction:
/// <list type="bullet">
/// <item>an unclaimed order past its deadline climbs one step of <see cref="EscalationLadder"/>, or expires at its
/// service start or after the last step (<see cref="UnclaimedDeadline"/>);</item>
/// <item>a claimed order its team has not started becomes overdue at its service start, and goes back to the hall
/// <see cref="ClaimsOptions.StartGrace"/> later (to the coordinator's alert once its service time has passed);</item>
/// <item>a transfer request its holder left unanswered past <see cref="TransfersOptions.AutoApproveAfter"/> approves itself
/// (<see cref="TransferStore.ApproveDueAsync"/>).</item>
/// </list>
/// "for update skip locked" lets several replicas sweep at once without two taking the same order; moving due_at
/// forward, stamping overdue_at and leaving the claimed state are what make each step happen once.
/// </summary>
internal sealed class DeadlineSweep(
    Database database, TransferStore transfers, MatchingMetrics metrics, IOptions<EscalationOptions> options, IOptions<ClaimsOptions> claims,
    TimeProvider clock)
{
    private sealed record DueOrder(Guid NeedId, int EscalationLevel, DateTimeOffset StartsAt, DateTimeOffset PublishedAt, DateTimeOffset? ExpiresAt);

    private sealed record UnstartedOrder(Guid NeedId, Guid TeamId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? OverdueAt,
        int EscalationLevel);

    /// <summary>Sweeps batch after batch until nothing is due; returns how many orders moved.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        foreach (var sweep in new Func<CancellationToken, Task<int>>[] { SweepUnclaimedBatchAsync, SweepUnstartedBatchAsync })
        {
            while (true)
            {
                var moved = await sweep(ct);
                total += moved;
                if (moved < options.Value.BatchSize)
                    break;
            }
        }
        return total + await transfers.ApproveDueAsync(clock.GetUtcNow(), ct);
    }

    private async Task<int> SweepUnclaimedBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var unit = await database.BeginAsync(ct);
        var due = await unit.QueryAsync<DueOrder>($"""
            select need_id, escalation_level, starts_at, published_at, expires_at from orders
            where status = '{OrderStatus.Published}' and due_at <= @now
            order by due_at, need_id
            limit @batch
            for update skip locked
            """, new { now, batch = options.Value.BatchSize }, ct);
        var expiredAt = new List<int>();
        var escalatedTo = new List<int>();
        foreach (var order in due)
        {
            if (UnclaimedDeadline.Expires(now, order.ExpiresAt, order.EscalationLevel))
            {
                await ExpireAsync(unit, order, now, ct);
                expiredAt.Add(order.EscalationLevel);
            }
            else
                escalatedTo.Add(await EscalateAsync(unit, order, now, ct));
        }
        await unit.CommitAsync(ct);
        foreach (var level in expiredAt)
            metrics.Expired(level);
        foreach (var level in escalatedTo)
            metrics.Escalated(level);
        return due.Count;
    }

    /// <summary>Widens the order one level; returns the level it reached.</summary>
    private async Task<int> EscalateAsync(UnitOfWork unit, DueOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var lead = UnclaimedDeadline.LeadBeforeStart(order.PublishedAt, order.StartsAt, options.Value.LeadBeforeStart);
        var nextDue = UnclaimedDeadline.Next(now, now + options.Value.StepWindow, order.StartsAt, lead, order.ExpiresAt ?? DateTimeOffset.MaxValue);
        // A directed order its team left unanswered opens to everyone it now reaches.
        var (version, level) = await unit.QuerySingleAsync<(long, int)>("""
            update orders
            set escalation_level = escalation_level + 1, target_team_id = null, due_at = @nextDue, version = version + 1
            where need_id = @NeedId and status = any(@From)
            returning version, escalation_level
            """, new { order.NeedId, nextDue, From = OrderLifecycle.From(OrderAction.Escalate) }, ct);
        await unit.PublishAsync(new OrderEscalated(order.NeedId, level, now, version), ct);
        return level;
    }

    private static async Task ExpireAsync(UnitOfWork unit, DueOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var version = await unit.QuerySingleAsync<long>("""
            update orders set status = @To, expired_at = @now, due_at = null, target_team_id = null, version = version + 1
            where need_id = @NeedId and status = any(@From)
            returning version
            """, new { order.NeedId, now, From = OrderLifecycle.From(OrderAction.Expire), To = OrderLifecycle.To(OrderAction.Expire) }, ct);
        var reason = order.ExpiresAt <= now ? "expired: unclaimed when its service began" : "expired: unclaimed after every escalation step";
        await unit.PublishAsync(new OrderExpired(order.NeedId, now, version, reason), ct);
    }

    private async Task<int> SweepUnstartedBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var grace = claims.Value.StartGrace;
        await using var unit = await database.BeginAsync(ct);
        // Due: past the start and not yet marked, or past the grace.
        var due = await unit.QueryAsync<UnstartedOrder>($"""
            select need_id, team_id, starts_at, ends_at, overdue_at, escalation_level from orders
            where status = '{OrderStatus.Claimed}' and starts_at <= @now and (overdue_at is null or starts_at + @grace <= @now)
            order by starts_at, need_id
            limit @batch
            for update skip locked
            """, new { now, grace, batch = options.Value.BatchSize }, ct);
        var released = 0;
        foreach (var order in due)
        {
            if (order.StartsAt + grace <= now)
            {
                await AutoReleaseAsync(unit, order, now, ct);
                released++;
            }
            else
                await MarkOverdueAsync(unit, order, now, ct);
        }
        await unit.CommitAsync(ct);
        metrics.AutoReleased(released);
        return due.Count;
    }

    private async Task MarkOverdueAsync(UnitOfWork unit, UnstartedOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var version = await unit.QuerySingleAsync<long>(
            "update orders set overdue_at = @now, version = version + 1 where need_id = @NeedId returning version",
            new { order.NeedId, now }, ct);
        await unit.PublishAsync(new OrderOverdue(order.NeedId, order.TeamId, order.StartsAt, order.StartsAt + claims.Value.StartGrace, now, version), ct);
    }

    /// <summary>
    /// Back to the hall, open to all, claimable until the service time ends; once that has passed there is nothing a team
    /// could still take, so the order goes to the coordinator's alert for one step window and then expires.
    /// </summary>
    private async Task AutoReleaseAsync(UnitOfWork unit, UnstartedOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var step = options.Value.StepWindow;
        var serviceTimeLeft = now < order.EndsAt;
        var level = serviceTimeLeft ? order.EscalationLevel : Math.Max(order.EscalationLevel, EscalationLadder.CoordinatorAlert);
        var expiresAt = serviceTimeLeft ? order.EndsAt : now + step;
        var version = await unit.QuerySingleAsync<long>("""
            update orders
            set status = @To, team_id = null, target_team_id = null, claimed_at = null, overdue_at = null, escalation_level = @level,
                expires_at = @expiresAt, due_at = least(@nextDue, @expiresAt), version = version + 1
            where need_id = @NeedId and status = any(@From)
            returning version
            """, new
        {
            order.NeedId, level, expiresAt, nextDue = now + step,
            From = OrderLifecycle.From(OrderAction.AutoRelease), To = OrderLifecycle.To(OrderAction.AutoRelease),
        }, ct);
        await TeamCapacity.FreePlaceAsync(unit, order.TeamId, OrderAction.AutoRelease, ct);
        var minutes = (int)claims.Value.StartGrace.TotalMinutes;
        var reason = $"auto-released from team {order.TeamId}: not started within {minutes} minutes of its service start"
                     + (serviceTimeLeft ? "" : "; its service time has passed, the coordinator is alerted");
        await unit.PublishAsync(new OrderAutoReleased(order.NeedId, order.TeamId, reason, level, now, version), ct);
    }
}
