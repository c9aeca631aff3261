using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

internal sealed class TeamProfileChangedConsumer(Database database) : IdempotentConsumer<TeamProfileChanged>(database)
{
    protected override Guid? RowKey(TeamProfileChanged message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamProfileChanged message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamReadModel.ApplyAsync(message.Team, unit, cancellationToken);
}
