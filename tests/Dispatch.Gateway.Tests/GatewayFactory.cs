using Dispatch.Testing;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// The gateway in-process on a fresh Identity database, with the bootstrapped admin's password set,
/// the needs cluster and the team registry pointed at <see cref="FakeServices"/>, and the other clusters at a dead port.
/// </summary>
public class GatewayFactory() : ServiceFactory<Program>("Identity")
{
    public const string AdminPassword = "admin-password-for-tests";

    public FakeServices Fakes { get; } = FakeServices.Start();

    public Uri DeadAddress { get; } = FakeServices.DeadAddress();

    protected virtual Uri TeamRegistry => Fakes.Address;

    // Its readiness includes destinations these tests keep dead on purpose.
    protected override string ReadinessPath => "/health/live";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        ("Dispatch:AdminPassword", AdminPassword),
        ("ReverseProxy:Clusters:needs:Destinations:d1:Address", Fakes.Address.ToString()),
        ("ReverseProxy:Clusters:teams:Destinations:d1:Address", DeadAddress.ToString()),
        ("ReverseProxy:Clusters:matching:Destinations:d1:Address", DeadAddress.ToString()),
        ("Services:Teams", TeamRegistry.ToString()),
        // Every test class signs in many times from the one test address; the edge tests set tight limits of their own.
        ("RateLimiting:Token:PermitLimit", "10000"),
        ("RateLimiting:PermitLimit", "10000"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Fakes.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
