using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>
/// A coordinator took the order from a suspended or retired team: the need is published again, directed to the new
/// team or open to all, and the timeline says who did it, from which team to which, and why.
/// </summary>
internal sealed class OrderReassignedConsumer(Database database) : IdempotentConsumer<OrderReassigned>(database)
{
    protected override Guid? RowKey(OrderReassigned message) => message.NeedId;

    protected override Task HandleAsync(OrderReassigned message, UnitOfWork unit, CancellationToken cancellationToken) =>
        OrderMirror.ApplyAsync(unit, new OrderUpdate(message.NeedId, OrderProgress.Reassigned, message.Version, message.ReassignedAt,
            Reason: TimelineReason(message), TargetTeamId: message.ToTeamId, By: message.ReassignedBy, FromStatus: message.FromStatus),
            cancellationToken);

    // Written like the other reasons the system writes itself ("directed to team …"), for the pages to say in Chinese.
    private static string TimelineReason(OrderReassigned message) => message.ToTeamId is { } to
        ? $"reassigned from team {message.FromTeamId} to team {to}: {message.Reason}"
        : $"reassigned from team {message.FromTeamId} to the hall: {message.Reason}";
}
