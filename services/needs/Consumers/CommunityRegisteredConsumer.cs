using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Needs.Consumers;

/// <summary>A community was added or renamed: its public request page opens, or shows the new name.</summary>
internal sealed class CommunityRegisteredConsumer(Database database) : IdempotentConsumer<CommunityRegistered>(database)
{
    protected override Guid? RowKey(CommunityRegistered message) => message.CommunityId;

    protected override Task HandleAsync(CommunityRegistered message, UnitOfWork unit, CancellationToken cancellationToken) =>
        Communities.ApplyAsync(unit, message, cancellationToken);
}
