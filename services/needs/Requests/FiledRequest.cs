namespace Dispatch.Needs.Requests;

/// <summary>
/// The answer to a filing: the tracking link's code, and the short code that finds the request again with the phone
/// number (shown on screen here, where a deployment with SMS would also send it).
/// </summary>
internal sealed record FiledRequest(Guid RequestId, string TrackingCode, string LookupCode, string TrackingPath, string State);
