namespace Dispatch.Gateway.Apis;

public sealed record TokenRequest(string? Username, string? Password);
