using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>The branch cancelled: the order leaves the hall, and a team holding it gets its place back; a cancel before the publish leaves a tombstone.</summary>
internal sealed class NeedCancelledConsumer(Database database) : IdempotentConsumer<NeedCancelled>(database)
{
    protected override Guid? RowKey(NeedCancelled message) => message.NeedId;

    protected override async Task HandleAsync(NeedCancelled message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        // The row lock of "for update" makes the state we read the one we change.
        var before = await unit.QuerySingleOrDefaultAsync<Order>(
            "select need_id, status, team_id from orders where need_id = @NeedId for update", new { message.NeedId }, cancellationToken);
        if (before is null)
        {
            // Overtook its NeedPublished: leave a tombstone so the late publish opens no live order.
            await unit.ExecuteAsync(
                "insert into cancelled_needs (need_id, cancelled_at) values (@NeedId, @CancelledAt) on conflict (need_id) do nothing",
                new { message.NeedId, CancelledAt = message.CancelledAt.ToUniversalTime() }, cancellationToken);
            return;
        }
        if (!OrderLifecycle.Allows(before.Status, OrderAction.Cancel))
            return;

        await unit.ExecuteAsync("""
            update orders set status = @To, cancelled_at = @CancelledAt, version = version + 1
            where need_id = @NeedId
            """, new { message.NeedId, To = OrderLifecycle.To(OrderAction.Cancel), CancelledAt = message.CancelledAt.ToUniversalTime() }, cancellationToken);
        if (before.TeamId is { } teamId && OrderLifecycle.FreesCapacity(before.Status, OrderAction.Cancel))
            await unit.ExecuteAsync("update teams set open_orders = greatest(open_orders - 1, 0) where team_id = @teamId", new { teamId }, cancellationToken);
    }
}
