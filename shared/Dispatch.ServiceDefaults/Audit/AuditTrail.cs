using System.Diagnostics;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Dispatch.ServiceDefaults.Audit;

/// <summary>
/// Records what the audit trail holds (<see cref="AuditActions"/>), each entry naming who (the signed-in caller, or the
/// <see cref="AuditActor"/> given), the client's address (behind trusted proxies only), the time and the trace id. An entry
/// goes into the outbox, in the transaction of the change it records or, for a read, in its own: it exists exactly when what
/// it records does, and reaches the audit store even if the broker or this process is down for a while.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, Database database, TimeProvider clock, IHostEnvironment environment)
{
    private readonly string _service = environment.ApplicationName.Replace("Dispatch.", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Records <paramref name="action"/> with the change in <paramref name="unit"/> (committed or rolled back with it).</summary>
    public Task RecordAsync(UnitOfWork unit, string action, AuditSubject subject, string? detail, CancellationToken cancellationToken,
        AuditActor? actor = null) =>
        unit.PublishAsync(Entry(action, subject, detail, actor), cancellationToken);

    /// <summary>Records <paramref name="action"/> on its own: a read, or a refusal that changed nothing.</summary>
    public async Task RecordAsync(string action, AuditSubject subject, string? detail, CancellationToken cancellationToken, AuditActor? actor = null)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.PublishAsync(Entry(action, subject, detail, actor), cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    private AuditRecorded Entry(string action, AuditSubject subject, string? detail, AuditActor? actor)
    {
        var context = http.HttpContext;
        var caller = context?.User.Identity?.IsAuthenticated == true ? Caller.FromPrincipal(context.User) : null;
        // Outside any request (a process's own start-up work) the system itself is the actor.
        actor ??= caller is not null ? new AuditActor(caller.AccountId, caller.Username, caller.Role)
            : context is null ? new AuditActor(null, "system", null) : null;
        return new AuditRecorded(
            Guid.CreateVersion7(), clock.GetUtcNow(), _service, action,
            actor?.AccountId, actor?.Username, actor?.Role,
            context?.Connection.RemoteIpAddress is { } address ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString() : null,
            Activity.Current?.TraceId.ToHexString(),
            subject.Type, subject.Ids, detail);
    }
}
