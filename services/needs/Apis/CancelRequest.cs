namespace Dispatch.Needs.Apis;

internal sealed record CancelRequest(string? Reason);
