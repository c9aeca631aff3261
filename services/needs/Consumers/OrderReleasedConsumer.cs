using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The holding team gave the order back with a reason: the need is published again.</summary>
internal sealed class OrderReleasedConsumer(Database database) : IdempotentConsumer<OrderReleased>(database)
{
    protected override Guid? RowKey(OrderReleased message) => message.NeedId;

    protected override Task HandleAsync(OrderReleased message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Released, message.Version, message.ReleasedAt, message.TeamId, message.Reason), cancellationToken);
}
