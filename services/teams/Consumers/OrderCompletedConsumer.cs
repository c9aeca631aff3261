using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>
/// A team reported a service done: one more completion, its hours and its volunteers on the track record, the
/// order among the team's services, and a ledger row for every member who served.
/// </summary>
internal sealed class OrderCompletedConsumer(Database database) : IdempotentConsumer<OrderCompleted>(database)
{
    protected override Guid? RowKey(OrderCompleted message) => message.TeamId;

    protected override async Task HandleAsync(OrderCompleted message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        await TrackRecordStore.AddAsync(unit, message.TeamId,
            new TrackRecordDelta(Completed: 1, ServiceHours: message.ServiceHours, Volunteers: message.VolunteersCount), cancellationToken);
        await ServiceRecordStore.RecordCompletionAsync(unit, message, cancellationToken);
    }
}
