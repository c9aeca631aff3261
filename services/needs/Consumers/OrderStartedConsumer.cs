using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The holding team started the service.</summary>
internal sealed class OrderStartedConsumer(Database database) : IdempotentConsumer<OrderStarted>(database)
{
    protected override Guid? RowKey(OrderStarted message) => message.NeedId;

    protected override Task HandleAsync(OrderStarted message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Started, message.Version, message.StartedAt, message.TeamId), cancellationToken);
}
