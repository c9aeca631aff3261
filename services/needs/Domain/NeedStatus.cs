namespace Dispatch.Needs.Domain;

/// <summary>The states of a need, as stored in <c>needs.status</c> and shown to clients.</summary>
internal static class NeedStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Claimed = "claimed";
    public const string InService = "in_service";
    public const string Completed = "completed";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Draft, Published, Claimed, InService, Completed, Closed, Cancelled, Expired];
}
