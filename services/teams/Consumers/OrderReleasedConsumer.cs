using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>A team gave an order back: the claim stays counted, and so does the release.</summary>
internal sealed class OrderReleasedConsumer(Database database) : IdempotentConsumer<OrderReleased>(database)
{
    protected override Guid? RowKey(OrderReleased message) => message.TeamId;

    protected override Task HandleAsync(OrderReleased message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TrackRecordStore.AddAsync(unit, message.TeamId, new TrackRecordDelta(Released: 1), cancellationToken);
}
