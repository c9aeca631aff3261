namespace Dispatch.Gateway.Apis;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
