using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Dispatch.Testing.Processes;

/// <summary>
/// The whole system as real processes — needs, teams, matching and the gateway — on fresh databases
/// and a fresh virtual host of the real PostgreSQL and RabbitMQ, started the way run.sh starts them.
/// </summary>
public sealed class DispatchSystem : IAsyncLifetime
{
    public const string AdminPassword = "e2e-admin-password";
    private readonly List<ServiceProcess> _processes = [];

    public Uri Gateway { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    public async Task InitializeAsync()
    {
        var broker = await TestInfrastructure.NewVirtualHostAsync("e2e");
        var signingKey = $"e2e-{Guid.NewGuid():N}-{Guid.NewGuid():N}";
        var logs = Path.Combine(AppContext.BaseDirectory, "e2e-logs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = broker,
            ["Auth__SigningKeys"] = signingKey,
        };

        var ports = new Dictionary<string, int>();
        foreach (var (name, project, connection) in new[]
                 {
                     ("needs", "services/needs/Dispatch.Needs", "Needs"),
                     ("teams", "services/teams/Dispatch.Teams", "Teams"),
                     ("matching", "services/matching/Dispatch.Matching", "Matching"),
                 })
        {
            ports[name] = FreePort();
            var environment = new Dictionary<string, string>(common) { [$"ConnectionStrings__{connection}"] = TestInfrastructure.NewDatabase($"e2e_{name}") };
            _processes.Add(ServiceProcess.Start(name, Build.Output(project), ports[name], environment, logs));
        }

        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__Identity"] = TestInfrastructure.NewDatabase("e2e_identity"),
            ["Dispatch__AdminPassword"] = AdminPassword,
            ["Services__Teams"] = $"http://127.0.0.1:{ports["teams"]}",
        };
        foreach (var (cluster, port) in ports)
            gatewayEnvironment[$"ReverseProxy__Clusters__{cluster}__Destinations__d1__Address"] = $"http://127.0.0.1:{port}";
        var gateway = ServiceProcess.Start("gateway", Build.Output("gateway/Dispatch.Gateway"), FreePort(), gatewayEnvironment, logs);
        _processes.Add(gateway);
        Gateway = gateway.BaseAddress;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var process in _processes)
        {
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"{process.Name} exited during start:\n{process.LogText()}");
                try
                {
                    return (await http.GetAsync(new Uri(process.BaseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(90), $"{process.Name} should become ready");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
            await process.DisposeAsync();
    }

    public ServiceProcess Process(string name) => _processes.Single(p => p.Name == name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
