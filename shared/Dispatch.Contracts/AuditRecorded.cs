namespace Dispatch.Contracts;

/// <summary>
/// One entry of the audit trail: who (account, role, client address) did or read what (<see cref="Action"/>, one of
/// <see cref="AuditActions"/>, on <see cref="SubjectIds"/> of <see cref="SubjectType"/>), when, and in which trace.
/// Every process publishes it through its outbox (with the change it records, in the same transaction) and the gateway's
/// audit store appends it; nothing else holds or changes it. <see cref="Username"/> is the name a sign-in was tried with
/// when no account signed in.
/// </summary>
public sealed record AuditRecorded(
    Guid EntryId,
    DateTimeOffset At,
    string Service,
    string Action,
    Guid? AccountId,
    string? Username,
    string? Role,
    string? ClientAddress,
    string? TraceId,
    string? SubjectType,
    IReadOnlyList<Guid> SubjectIds,
    string? Detail);
