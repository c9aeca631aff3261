using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A team was suspended or retired (the profile says which): it stops reading its orders' contact data.</summary>
internal sealed class TeamSuspendedConsumer(Database database) : IdempotentConsumer<TeamSuspended>(database)
{
    protected override Guid? RowKey(TeamSuspended message) => message.Team.TeamId;

    protected override Task HandleAsync(TeamSuspended message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamStandings.ApplyAsync(unit, message.Team, cancellationToken);
}
