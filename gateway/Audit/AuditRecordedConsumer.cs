using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Gateway.Audit;

/// <summary>Appends every process's audit entries to the one trail the admin searches.</summary>
internal sealed class AuditRecordedConsumer(Database database) : IdempotentConsumer<AuditRecorded>(database)
{
    protected override Task HandleAsync(AuditRecorded message, UnitOfWork unit, CancellationToken cancellationToken) =>
        AuditStore.AppendAsync(unit, message, cancellationToken);
}
