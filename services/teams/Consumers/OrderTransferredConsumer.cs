using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>A transfer request was approved: the asking team claimed the order, and the team that held it handed it over (not a release).</summary>
internal sealed class OrderTransferredConsumer(Database database) : IdempotentConsumer<OrderTransferred>(database)
{
    protected override Guid? RowKey(OrderTransferred message) => message.ToTeamId;

    protected override async Task HandleAsync(OrderTransferred message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        // Both rows in the order of their ids, as every consumer locks rows, so two replicas never deadlock on a pair of teams.
        var changes = new[] { (Team: message.ToTeamId, Delta: new TrackRecordDelta(Claimed: 1)), (Team: message.FromTeamId, Delta: new TrackRecordDelta(Transferred: 1)) };
        foreach (var (team, delta) in changes.OrderBy(c => c.Team))
            await TrackRecordStore.AddAsync(unit, team, delta, cancellationToken);
    }
}
