using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>
/// A coordinator took an order from a suspended or retired team: its claim stays counted, and the order counts as
/// reassigned away (not released: the team did not give it back). A directed order it never took counts nothing.
/// </summary>
internal sealed class OrderReassignedConsumer(Database database) : IdempotentConsumer<OrderReassigned>(database)
{
    private const string Offered = "published";

    protected override Guid? RowKey(OrderReassigned message) => message.FromTeamId;

    protected override Task HandleAsync(OrderReassigned message, UnitOfWork unit, CancellationToken cancellationToken) =>
        message.FromStatus == Offered
            ? Task.CompletedTask
            : TrackRecordStore.AddAsync(unit, message.FromTeamId, new TrackRecordDelta(Reassigned: 1), cancellationToken);
}
