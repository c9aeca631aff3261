using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Data;

namespace Dispatch.Teams.Consumers;

/// <summary>A branch rated a service (评单): the score joins the serving team's average.</summary>
internal sealed class NeedRatedConsumer(Database database) : IdempotentConsumer<NeedRated>(database)
{
    protected override Guid? RowKey(NeedRated message) => message.TeamId;

    protected override Task HandleAsync(NeedRated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        // A need closed without a serving team rates nobody.
        message.TeamId is { } teamId
            ? TrackRecordStore.AddAsync(unit, teamId, new TrackRecordDelta(Ratings: 1, RatingSum: message.Score), cancellationToken)
            : Task.CompletedTask;
}
