using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

internal sealed class TeamSuspendedConsumer(Database database) : IdempotentConsumer<TeamSuspended>(database)
{
    protected override Guid? RowKey(TeamSuspended message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamSuspended message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamReadModel.ApplyAsync(message.Team, unit, cancellationToken);
}
