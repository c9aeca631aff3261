using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The order's target changed (a coordinator's direction, or the branch's named team may not take it): the need names the new one.</summary>
internal sealed class OrderDirectedConsumer(Database database) : IdempotentConsumer<OrderDirected>(database)
{
    protected override Guid? RowKey(OrderDirected message) => message.NeedId;

    protected override Task HandleAsync(OrderDirected message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Directed, message.Version, message.DirectedAt, message.TeamId,
            message.Reason, By: message.Actor), cancellationToken);
}
