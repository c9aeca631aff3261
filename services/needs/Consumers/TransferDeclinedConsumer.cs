using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A transfer request ended without moving the order: declined, or lapsed; the timeline says which and why.</summary>
internal sealed class TransferDeclinedConsumer(Database database) : IdempotentConsumer<TransferDeclined>(database)
{
    protected override Guid? RowKey(TransferDeclined message) => message.NeedId;

    protected override Task HandleAsync(TransferDeclined message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.NoteAsync(unit, message.NeedId, message.DecidedAt, message.DecidedBy,
            $"transfer to team {message.ToTeamId} {(message.Lapsed ? "lapsed" : "declined")}: {message.Reason}", cancellationToken);
}
