using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Needs.Data;

/// <summary>
/// Mirrors the order's progress onto its need, so the branch sees what the teams did. The row is
/// locked, <see cref="NeedLifecycle.Mirror"/> decides from its state and the versions, and the
/// change with its timeline entry (one statement) commits together with the consumer's inbox row.
/// </summary>
internal static class OrderMirror
{
    public static async Task ApplyAsync(UnitOfWork unit, OrderUpdate update, CancellationToken ct)
    {
        var need = await unit.QuerySingleOrDefaultAsync<Need>(
            "select status, order_version from needs where id = @NeedId for update", new { update.NeedId }, ct);
        if (need is null)
            return;
        if (NeedLifecycle.Mirror(need.Status, need.OrderVersion, update.Progress, update.Version) is not { } to)
        {
            // Stale, or the branch already ended it: the need stays as it is, but a person's decision stays on its record.
            if (NeedLifecycle.KeptOnTheTimelineWhenLate(update.Progress) && need.Status != NeedStatus.Draft)
                await NeedStore.RecordAsync(unit, update.NeedId, update.At, update.FromStatus, NeedLifecycle.MirroredState(update.Progress) ?? need.Status,
                    update.Actor, update.Reason, ct);
            return;
        }

        await unit.ExecuteAsync(Statements[update.Progress], new
        {
            update.NeedId, From = need.Status, To = to, update.Version, update.TeamId, update.Reason, update.EscalationLevel,
            update.ServiceHours, update.VolunteersCount, update.Summary, At = update.At.ToUniversalTime(), Now = DateTimeOffset.UtcNow,
            update.Actor, update.TargetTeamId,
            TimelineReason = update.Progress == OrderProgress.Escalated ? $"escalated to level {update.EscalationLevel}" : update.Reason,
        }, ct);
    }

    /// <summary>A step that changes nothing of the need (a transfer asked for or declined), on its timeline in the state the need is in.</summary>
    public static async Task NoteAsync(UnitOfWork unit, Guid needId, DateTimeOffset at, string actor, string reason, CancellationToken ct)
    {
        var status = await unit.QuerySingleOrDefaultAsync<string>("select status from needs where id = @needId", new { needId }, ct);
        if (status is not null && status != NeedStatus.Draft)
            await NeedStore.RecordAsync(unit, needId, at, status, status, actor, reason, ct);
    }

    // The change and its timeline entry in one statement: this runs for every order event of every need.
    private static readonly Dictionary<OrderProgress, string> Statements = Enum.GetValues<OrderProgress>().ToDictionary(
        progress => progress,
        progress => $"""
            with changed as ({Update(progress)} returning id)
            {NeedStore.TimelineInsert}
            select id, @At, @From, @To, @Actor, @TimelineReason from changed
            """);

    // The team of a claim, start or completion is the holder, whatever events came before (or have yet to come).
    // A release (automatic or not), decline, escalation or expiry leaves the order directed to no one (matching clears its target),
    // so the need stops naming a team too; a reassignment names the team it is directed to now, if any.
    private static string Update(OrderProgress progress) => progress switch
    {
        OrderProgress.Claimed => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = @TeamId, claimed_at = @At
            where id = @NeedId
            """,
        OrderProgress.Released => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = null, claimed_at = null, started_at = null, target_team_id = null
            where id = @NeedId
            """,
        OrderProgress.Declined => """
            update needs set status = @To, order_version = @Version, updated_at = @Now, target_team_id = null
            where id = @NeedId
            """,
        OrderProgress.Directed => """
            update needs set order_version = @Version, updated_at = @Now, target_team_id = @TeamId
            where id = @NeedId
            """,
        OrderProgress.Started => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = @TeamId, started_at = @At
            where id = @NeedId
            """,
        OrderProgress.Completed => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = @TeamId, completed_at = @At, service_hours = @ServiceHours,
                volunteers_count = @VolunteersCount, completion_summary = @Summary
            where id = @NeedId
            """,
        OrderProgress.Expired => """
            update needs set status = @To, order_version = @Version, updated_at = @Now, target_team_id = null
            where id = @NeedId
            """,
        OrderProgress.Reassigned => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = null, claimed_at = null, started_at = null, target_team_id = @TargetTeamId
            where id = @NeedId
            """,
        OrderProgress.Overdue => """
            update needs set order_version = @Version, updated_at = @Now
            where id = @NeedId
            """,
        OrderProgress.AutoReleased => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = null, claimed_at = null, started_at = null, target_team_id = null,
                escalation_level = greatest(escalation_level, @EscalationLevel)
            where id = @NeedId
            """,
        OrderProgress.Transferred => """
            update needs set status = @To, order_version = @Version, updated_at = @Now,
                claimed_by_team_id = @TeamId, claimed_at = @At, started_at = null, target_team_id = null
            where id = @NeedId
            """,
        OrderProgress.Escalated => """
            update needs set order_version = @Version, updated_at = @Now, target_team_id = null,
                escalation_level = greatest(escalation_level, @EscalationLevel)
            where id = @NeedId
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(progress), progress, "Not an order event the needs service mirrors."),
    };
}
