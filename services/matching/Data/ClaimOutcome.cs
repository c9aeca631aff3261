namespace Dispatch.Matching.Data;

internal enum ClaimOutcome
{
    Claimed,
    /// <summary>The order was no longer published (or no longer open to this team) when the update ran.</summary>
    OrderTaken,
    /// <summary>The team was full or no longer hatched when the update ran; nothing changed.</summary>
    TeamRefused,
}

/// <summary>What a claim came to; when the order was taken, its state as the claim found it (a null status: it is gone).</summary>
internal readonly record struct ClaimResult(ClaimOutcome Outcome, string? OrderStatus = null, Guid? HolderId = null);
