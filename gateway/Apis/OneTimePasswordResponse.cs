namespace Dispatch.Gateway.Apis;

/// <summary>The answer to a password reset: the new one-time password, shown this once.</summary>
public sealed record OneTimePasswordResponse(string OneTimePassword);
