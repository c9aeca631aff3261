namespace Dispatch.Gateway.Apis;

/// <summary>What a batch made: each row in the order sent, and the totals.</summary>
public sealed record AccountBatchResponse(int Created, int Failed, IReadOnlyList<AccountBatchRowResult> Rows);
