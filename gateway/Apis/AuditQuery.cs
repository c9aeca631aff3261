using Dispatch.Contracts;
using Dispatch.Gateway.Audit;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Gateway.Apis;

/// <summary>The audit trail's query string: a period (from inclusive, to exclusive) and exact parts to match.</summary>
internal sealed record AuditQuery(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Action,
    string? Username,
    string? Address,
    Guid? SubjectId,
    string? TraceId)
{
    public AuditSearch Search => new(From, To, Action, Blank(Username), Blank(Address), SubjectId, Blank(TraceId));

    public ValidationErrors Check() => new ValidationErrors()
        .Require(From is null || To is null || From < To, "to", "to must be after from.")
        .Require(Action is null || AuditActions.All.Contains(Action), "action", $"action must be one of {string.Join(", ", AuditActions.All)}.")
        .Require(Username is not { Length: > 64 }, "username", "username is at most 64 characters.")
        .Require(Address is not { Length: > 45 }, "address", "address is at most 45 characters (an IPv6 address).")
        .Require(TraceId is null || (TraceId.Length == 32 && TraceId.All(Uri.IsHexDigit)), "traceId", "traceId is 32 hexadecimal digits.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
