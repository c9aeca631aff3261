namespace Dispatch.ServiceDefaults.Audit;

/// <summary>Who an entry names when the request's own token does not say it: a sign-in names the account it tried.</summary>
public sealed record AuditActor(Guid? AccountId, string Username, string? Role);
