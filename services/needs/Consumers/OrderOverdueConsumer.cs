using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>The claimed order reached its service start unstarted: the need stays claimed and its timeline records it.</summary>
internal sealed class OrderOverdueConsumer(Database database) : IdempotentConsumer<OrderOverdue>(database)
{
    protected override Guid? RowKey(OrderOverdue message) => message.NeedId;

    // Written like the other reasons the system writes itself, for the pages to say in Chinese.
    protected override Task HandleAsync(OrderOverdue message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Overdue, message.Version, message.OverdueAt, message.TeamId,
            Reason: $"overdue: not started at its service start, released at {message.ReleaseAt.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} unless started",
            By: "matching"), cancellationToken);
}
