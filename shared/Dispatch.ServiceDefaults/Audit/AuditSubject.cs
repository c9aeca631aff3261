namespace Dispatch.ServiceDefaults.Audit;

/// <summary>What an audit entry is about: the needs whose contact was read, the account, team or places changed.</summary>
public sealed record AuditSubject(string Type, IReadOnlyList<Guid> Ids)
{
    public static AuditSubject Need(Guid id) => new("need", [id]);
    public static AuditSubject Needs(IReadOnlyList<Guid> ids) => new("need", ids);
    public static AuditSubject Account(Guid? id) => new("account", id is { } known ? [known] : []);
    public static AuditSubject Team(Guid id) => new("team", [id]);
    public static AuditSubject Places(IReadOnlyList<Guid> ids) => new("place", ids);
}
