namespace Dispatch.Matching.Domain;

/// <summary>The states of a transfer request, as stored in <c>transfer_requests.status</c> and shown to clients.</summary>
internal static class TransferStatus
{
    public const string Open = "open";
    public const string Approved = "approved";
    public const string Declined = "declined";

    /// <summary>The order left the state the request was about (started, released, cancelled) or the asking team may no longer take it.</summary>
    public const string Lapsed = "lapsed";
}
