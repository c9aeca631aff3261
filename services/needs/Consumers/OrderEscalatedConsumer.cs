using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The unclaimed order widened its reach; the need records how far.</summary>
internal sealed class OrderEscalatedConsumer(Database database) : IdempotentConsumer<OrderEscalated>(database)
{
    protected override Guid? RowKey(OrderEscalated message) => message.NeedId;

    protected override Task HandleAsync(OrderEscalated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Escalated, message.Version, message.EscalatedAt, EscalationLevel: message.Level), cancellationToken);
}
