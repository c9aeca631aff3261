using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>Nobody claimed the order in time: after every escalation step, or by its service start; the reason says which.</summary>
internal sealed class OrderExpiredConsumer(Database database) : IdempotentConsumer<OrderExpired>(database)
{
    protected override Guid? RowKey(OrderExpired message) => message.NeedId;

    protected override Task HandleAsync(OrderExpired message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Expired, message.Version, message.ExpiredAt,
            Reason: message.Reason), cancellationToken);
}
