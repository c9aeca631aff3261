namespace Dispatch.Gateway.Edge;

/// <summary>
/// <c>RateLimiting__PermitLimit</c> requests per <c>RateLimiting__Window</c> for each account (the token's
/// <c>sub</c>) or, without a token, each remote address; the token endpoint has its own stricter
/// per-address window (<c>RateLimiting__Token__PermitLimit</c>, <c>RateLimiting__Token__Window</c>).
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitLimit { get; set; } = 200;
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
    public WindowOptions Token { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    internal sealed class WindowOptions
    {
        public int PermitLimit { get; set; }
        public TimeSpan Window { get; set; }
    }
}
