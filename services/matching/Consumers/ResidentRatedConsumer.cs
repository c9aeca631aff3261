using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>A resident rated the service of their request: it joins the coordinators' resident-satisfaction figure.</summary>
internal sealed class ResidentRatedConsumer(Database database) : IdempotentConsumer<ResidentRated>(database)
{
    protected override Task HandleAsync(ResidentRated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        ResidentRatings.ApplyAsync(unit, message, cancellationToken);
}
