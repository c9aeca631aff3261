using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>A resident rated the service of their request: the score joins the serving team's residents' average.</summary>
internal sealed class ResidentRatedConsumer(Database database) : IdempotentConsumer<ResidentRated>(database)
{
    protected override Guid? RowKey(ResidentRated message) => message.TeamId;

    protected override Task HandleAsync(ResidentRated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        message.TeamId is { } teamId
            ? TrackRecordStore.AddAsync(unit, teamId, new TrackRecordDelta(ResidentRatings: 1, ResidentRatingSum: message.Score), cancellationToken)
            : Task.CompletedTask;
}
