using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>The branch cancelled: the order leaves the hall, and a team holding it gets its place back; a cancel before the publish leaves a tombstone.</summary>
internal sealed class NeedCancelledConsumer(Database database) : IdempotentConsumer<NeedCancelled>(database)
{
    protected override Guid? RowKey(NeedCancelled message) => message.NeedId;

    protected override Task HandleAsync(NeedCancelled message, UnitOfWork unit, CancellationToken cancellationToken) =>
        NeedMirror.CancelAsync(unit, message, cancellationToken);
}
