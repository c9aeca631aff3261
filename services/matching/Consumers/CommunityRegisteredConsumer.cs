using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>Names communities in the hall and the figures; a rename overwrites.</summary>
internal sealed class CommunityRegisteredConsumer(Database database) : IdempotentConsumer<CommunityRegistered>(database)
{
    protected override Guid? RowKey(CommunityRegistered message) => message.CommunityId;

    protected override Task HandleAsync(CommunityRegistered message, UnitOfWork unit, CancellationToken cancellationToken) =>
        CommunityReadModel.ApplyAsync(message, unit, cancellationToken);
}
