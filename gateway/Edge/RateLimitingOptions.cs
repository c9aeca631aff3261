namespace Dispatch.Gateway.Edge;

/// <summary>
/// <c>RateLimiting__PermitLimit</c> requests per <c>RateLimiting__Window</c> for each account (the token's
/// <c>sub</c>) or, without a token, each remote address; the residents' public request pages' own limit per address
/// (<c>RateLimiting__Residents__*</c>); and the limits on failed sign-ins (<c>RateLimiting__SignIn__*</c>).
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitLimit { get; set; } = 200;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
    public SignInLimitsOptions SignIn { get; set; } = new();
    public ResidentsLimitOptions Residents { get; set; } = new();
}
