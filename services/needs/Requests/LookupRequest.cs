namespace Dispatch.Needs.Requests;

/// <summary>Finding a request again by the phone number it was filed with and the six-digit code shown at filing.</summary>
internal sealed record LookupRequest(string? ContactPhone, string? LookupCode);
