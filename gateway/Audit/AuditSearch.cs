namespace Dispatch.Gateway.Audit;

/// <summary>What the audit page asks for; every part is optional. <see cref="To"/> is exclusive.</summary>
internal sealed record AuditSearch(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Action,
    string? Username,
    string? Address,
    Guid? SubjectId,
    string? TraceId);
