using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

internal sealed class TeamMemberChangedConsumer(Database database) : IdempotentConsumer<TeamMemberChanged>(database)
{
    protected override Guid? RowKey(TeamMemberChanged message) => message.MemberId;

    protected override Task HandleAsync(TeamMemberChanged message, UnitOfWork unit, CancellationToken cancellationToken) =>
        TeamMemberReadModel.ApplyAsync(message, unit, cancellationToken);
}
