using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A transfer request was approved: the need is claimed by the team that asked, and the timeline says from whom, by whom and why.</summary>
internal sealed class OrderTransferredConsumer(Database database) : IdempotentConsumer<OrderTransferred>(database)
{
    protected override Guid? RowKey(OrderTransferred message) => message.NeedId;

    // Written like the other reasons the system writes itself, for the pages to say in Chinese.
    protected override Task HandleAsync(OrderTransferred message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Transferred, message.Version, message.TransferredAt,
            message.ToTeamId, $"transferred from team {message.FromTeamId} to team {message.ToTeamId}: {message.Reason}",
            By: message.ApprovedBy, FromStatus: NeedStatus.Claimed), cancellationToken);
}
