namespace Dispatch.Needs.Requests;

/// <summary>Declining a request: the reason is shown to the resident on the tracking page.</summary>
internal sealed record DeclineRequest(string? Reason);
