using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>The branch rated the service: the order closes and the rating joins the team's track record.</summary>
internal sealed class NeedRatedConsumer(Database database) : IdempotentConsumer<NeedRated>(database)
{
    protected override Guid? RowKey(NeedRated message) => message.NeedId;

    protected override Task HandleAsync(NeedRated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        NeedMirror.CloseAsync(unit, message, cancellationToken);
}
