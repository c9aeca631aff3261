using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A team claimed (or accepted) the order: the branch sees who holds its need.</summary>
internal sealed class OrderClaimedConsumer(Database database) : IdempotentConsumer<OrderClaimed>(database)
{
    protected override Guid? RowKey(OrderClaimed message) => message.NeedId;

    protected override Task HandleAsync(OrderClaimed message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Claimed, message.Version, message.ClaimedAt, message.TeamId), cancellationToken);
}
