namespace Dispatch.Needs.Requests;

/// <summary>The request found by phone and lookup code: where its tracking page is.</summary>
internal sealed record LookupAnswer(string TrackingCode, string TrackingPath);
