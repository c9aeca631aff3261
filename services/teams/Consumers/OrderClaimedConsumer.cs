using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>A team took an order: one more claim on its track record.</summary>
internal sealed class OrderClaimedConsumer(Database database) : IdempotentConsumer<OrderClaimed>(database)
{
    protected override Guid? RowKey(OrderClaimed message) => message.TeamId;

    protected override Task HandleAsync(OrderClaimed message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TrackRecordStore.AddAsync(unit, message.TeamId, new TrackRecordDelta(Claimed: 1), cancellationToken);
}
