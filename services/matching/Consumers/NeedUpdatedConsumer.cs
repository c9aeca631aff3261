using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>Keeps an open order's public description in step with its need; a taken order keeps what the team accepted.</summary>
internal sealed class NeedUpdatedConsumer(Database database) : IdempotentConsumer<NeedUpdated>(database)
{
    protected override Guid? RowKey(NeedUpdated message) => message.NeedId;

    protected override Task HandleAsync(NeedUpdated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        NeedMirror.UpdateAsync(unit, message, cancellationToken);
}
