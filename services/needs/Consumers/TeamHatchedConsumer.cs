using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A team was hatched, or reinstated after a suspension: it reads its orders' contact data again.</summary>
internal sealed class TeamHatchedConsumer(Database database) : IdempotentConsumer<TeamHatched>(database)
{
    protected override Guid? RowKey(TeamHatched message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamHatched message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamStandings.ApplyAsync(unit, message.Team, cancellationToken);
}
