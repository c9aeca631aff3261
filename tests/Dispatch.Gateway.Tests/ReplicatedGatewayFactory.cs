namespace Dispatch.Gateway.Tests;

/// <summary>The gateway with two replicas of the needs service behind one cluster, probed every second.</summary>
public sealed class ReplicatedGatewayFactory : GatewayFactory
{
    public FakeReplica First { get; } = FakeReplica.Start("first");

    public FakeReplica Second { get; } = FakeReplica.Start("second");

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("ReverseProxy:Clusters:needs:Destinations:d1:Address", First.Address.ToString()),
        ("ReverseProxy:Clusters:needs:Destinations:d2:Address", Second.Address.ToString()),
        ("ReverseProxy:Clusters:needs:HealthCheck:Active:Interval", "00:00:01"),
        ("ReverseProxy:Clusters:needs:HealthCheck:Active:Timeout", "00:00:01"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            First.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Second.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
