using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>The team did not start an order in time and it was released for it: a release, and an automatic one.</summary>
internal sealed class OrderAutoReleasedConsumer(Database database) : IdempotentConsumer<OrderAutoReleased>(database)
{
    protected override Guid? RowKey(OrderAutoReleased message) => message.TeamId;

    protected override Task HandleAsync(OrderAutoReleased message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TrackRecordStore.AddAsync(unit, message.TeamId, new TrackRecordDelta(Released: 1, AutoReleased: 1), cancellationToken);
}
