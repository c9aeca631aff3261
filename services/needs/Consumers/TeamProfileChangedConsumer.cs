using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A team's profile changed (its name, say): residents' tracking pages name the team as it is called now.</summary>
internal sealed class TeamProfileChangedConsumer(Database database) : IdempotentConsumer<TeamProfileChanged>(database)
{
    protected override Guid? RowKey(TeamProfileChanged message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamProfileChanged message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamStandings.ApplyAsync(unit, message.Team, cancellationToken);
}
