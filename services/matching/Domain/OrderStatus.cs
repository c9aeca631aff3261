namespace Dispatch.Matching.Domain;

/// <summary>The states of an order, as stored in <c>orders.status</c> and shown to clients.</summary>
internal static class OrderStatus
{
    public const string Published = "published";
    public const string Claimed = "claimed";
    public const string InService = "in_service";
    public const string Completed = "completed";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Published, Claimed, InService, Completed, Closed, Cancelled, Expired];

    /// <summary>States in which the order counts against its team's capacity.</summary>
    public static bool HoldsCapacity(string status) => status is Claimed or InService;
}
