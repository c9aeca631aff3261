using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

internal sealed class TeamHatchedConsumer(Database database) : IdempotentConsumer<TeamHatched>(database)
{
    protected override Guid? RowKey(TeamHatched message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamHatched message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamReadModel.ApplyAsync(message.Team, unit, cancellationToken);
}
