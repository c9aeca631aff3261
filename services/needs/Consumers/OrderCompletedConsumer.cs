using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The team reported the service done: the branch may now rate it.</summary>
internal sealed class OrderCompletedConsumer(Database database) : IdempotentConsumer<OrderCompleted>(database)
{
    protected override Guid? RowKey(OrderCompleted message) => message.NeedId;

    protected override Task HandleAsync(OrderCompleted message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Completed, message.Version, message.CompletedAt,
            message.TeamId, ServiceHours: message.ServiceHours, VolunteersCount: message.VolunteersCount, Summary: message.Summary),
            cancellationToken);
}
