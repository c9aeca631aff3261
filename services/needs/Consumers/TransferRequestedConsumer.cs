using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>Another team asked the holder for the order: the timeline records the request (the need itself does not change).</summary>
internal sealed class TransferRequestedConsumer(Database database) : IdempotentConsumer<TransferRequested>(database)
{
    protected override Guid? RowKey(TransferRequested message) => message.NeedId;

    protected override Task HandleAsync(TransferRequested message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.NoteAsync(unit, message.NeedId, message.RequestedAt, message.RequestedBy,
            $"transfer requested by team {message.ToTeamId} from team {message.FromTeamId}: {message.Reason}", cancellationToken);
}
