namespace Dispatch.Gateway.Audit;

/// <summary>A row of <c>audit_entries</c>, as the admin reads it.</summary>
internal sealed class AuditEntry
{
    public Guid EntryId { get; init; }
    public DateTimeOffset At { get; init; }
    public string Service { get; init; } = "";
    public string Action { get; init; } = "";
    public Guid? AccountId { get; init; }
    public string? Username { get; init; }
    public string? Role { get; init; }
    public string? ClientAddress { get; init; }
    public string? TraceId { get; init; }
    public string? SubjectType { get; init; }
    public Guid[] SubjectIds { get; init; } = [];
    public string? Detail { get; init; }
}
