using Dispatch.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// The gateway in-process on a fresh Identity database, with the bootstrapped admin's password set,
/// the needs cluster and the team registry pointed at <see cref="FakeServices"/>, and the other clusters at a dead port.
/// A request may say where it comes from (<see cref="ClientAddressFromHeader"/>).
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
        ("RateLimiting:PermitLimit", "10000"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A client whose requests come from <paramref name="address"/>, with <paramref name="token"/> if given.</summary>
    public HttpClient ClientFrom(string address, string? token = null)
    {
        var client = token is null ? CreateClient() : ClientWithToken(token);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Fakes.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
