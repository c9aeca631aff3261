namespace Dispatch.Gateway.Edge;

/// <summary>
/// The residents' public endpoints (<c>/api/requests/…</c> without a token): <c>RateLimiting__Residents__PermitLimit</c>
/// requests per <c>RateLimiting__Residents__Window</c> for each address, counted apart from signed-in traffic so that
/// a flood of anonymous filings slows neither the branches nor the teams. Generous enough for a venue's shared Wi-Fi,
/// where a whole community event may scan the poster from one address.
/// </summary>
internal sealed class ResidentsLimitOptions
{
    public int PermitLimit { get; set; } = 60;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
