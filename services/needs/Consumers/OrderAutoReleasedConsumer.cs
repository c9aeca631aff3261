using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The team did not start the order in time and the sweep released it: the need is published again, and the timeline says why.</summary>
internal sealed class OrderAutoReleasedConsumer(Database database) : IdempotentConsumer<OrderAutoReleased>(database)
{
    protected override Guid? RowKey(OrderAutoReleased message) => message.NeedId;

    protected override Task HandleAsync(OrderAutoReleased message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.AutoReleased, message.Version, message.ReleasedAt, message.TeamId,
            message.Reason, message.EscalationLevel, By: "matching"), cancellationToken);
}
