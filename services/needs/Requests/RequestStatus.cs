namespace Dispatch.Needs.Requests;

/// <summary>What the branch did with a request, as stored in <c>resident_requests.status</c>.</summary>
internal static class RequestStatus
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Merged = "merged";
    public const string Declined = "declined";

    public static IReadOnlyList<string> All { get; } = [Received, Accepted, Merged, Declined];
}
