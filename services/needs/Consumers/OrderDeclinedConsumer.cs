using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The named team declined a directed order: it stays published, now open to every eligible team.</summary>
internal sealed class OrderDeclinedConsumer(Database database) : IdempotentConsumer<OrderDeclined>(database)
{
    protected override Guid? RowKey(OrderDeclined message) => message.NeedId;

    protected override Task HandleAsync(OrderDeclined message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Declined, message.Version, message.DeclinedAt, message.TeamId, message.Reason), cancellationToken);
}
