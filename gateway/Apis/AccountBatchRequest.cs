namespace Dispatch.Gateway.Apis;

/// <summary>Many accounts at once (a street's team or branch accounts); each gets a one-time password.</summary>
public sealed record AccountBatchRequest(IReadOnlyList<AccountBatchRow?>? Accounts);
