using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>Nobody claimed the order before its deadline, even after escalation.</summary>
internal sealed class OrderExpiredConsumer(Database database) : IdempotentConsumer<OrderExpired>(database)
{
    protected override Guid? RowKey(OrderExpired message) => message.NeedId;

    protected override Task HandleAsync(OrderExpired message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Expired, message.Version, message.ExpiredAt), cancellationToken);
}
