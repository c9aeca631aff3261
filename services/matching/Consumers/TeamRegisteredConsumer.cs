using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

internal sealed class TeamRegisteredConsumer(Database database) : IdempotentConsumer<TeamRegistered>(database)
{
    protected override Guid? RowKey(TeamRegistered message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamRegistered message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamReadModel.ApplyAsync(message.Team, unit, cancellationToken);
}
