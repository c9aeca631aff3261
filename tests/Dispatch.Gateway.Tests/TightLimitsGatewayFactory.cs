namespace Dispatch.Gateway.Tests;

/// <summary>The gateway with small limits, so a test reaches them in a few requests.</summary>
public sealed class TightLimitsGatewayFactory : GatewayFactory
{
    public const int PermitLimit = 5;
    public const int ResidentsPermitLimit = 3;
    public const int AddressFailureLimit = 2;
    public const int UsernameFailureLimit = 4;
    public const int MaxBodySize = 1024;
    public const int CircuitMinimumThroughput = 3;

    /// <summary>Behind the teams cluster: a service that accepts requests and never answers them.</summary>
    public FakeReplica Hanging { get; } = FakeReplica.Start("hanging", hangs: true);

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("RateLimiting:PermitLimit", PermitLimit.ToString()),
        ("RateLimiting:Window", "00:10:00"),
        ("RateLimiting:Residents:PermitLimit", ResidentsPermitLimit.ToString()),
        ("RateLimiting:Residents:Window", "00:10:00"),
        ("RateLimiting:SignIn:AddressFailureLimit", AddressFailureLimit.ToString()),
        ("RateLimiting:SignIn:UsernameFailureLimit", UsernameFailureLimit.ToString()),
        ("RequestLimits:MaxRequestBodySize", MaxBodySize.ToString()),
        ("ReverseProxy:Routes:needs-import:MaxRequestBodySize", "65536"),
        ("CircuitBreaker:MinimumThroughput", CircuitMinimumThroughput.ToString()),
        ("CircuitBreaker:BreakDuration", "00:05:00"),
        ("CircuitBreaker:AttemptTimeout", "00:00:02"), // short, yet long enough for a fake service on a loaded machine
        ("ReverseProxy:Clusters:teams:Destinations:d1:Address", Hanging.Address.ToString()),
        // The active probes of the dead (matching) and hanging (teams) clusters go through their circuit breakers too:
        // three of them (15 s on a loaded machine before a test ran) opened one, and its first request met 503.
        ("ReverseProxy:Clusters:matching:HealthCheck:Active:Enabled", "false"),
        ("ReverseProxy:Clusters:teams:HealthCheck:Active:Enabled", "false"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Hanging.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
