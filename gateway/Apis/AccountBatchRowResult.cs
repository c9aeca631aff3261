namespace Dispatch.Gateway.Apis;

/// <summary>
/// One row: <c>created</c> (with the account's id and its one-time password, shown this once, and the name of the
/// place or team it is bound to) or <c>failed</c> (<see cref="Errors"/> by field, as POST /api/accounts would say).
/// </summary>
public sealed record AccountBatchRowResult(
    int Index, string Outcome, string? Username, string? Role, string? BoundTo, Guid? AccountId, string? OneTimePassword,
    IDictionary<string, string[]>? Errors)
{
    public const string CreatedOutcome = "created";
    public const string FailedOutcome = "failed";
}
