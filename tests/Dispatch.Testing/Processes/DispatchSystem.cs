using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Dispatch.Testing.Processes;

/// <summary>How a <see cref="DispatchSystem"/> is started: on which servers, with how many replicas, with which extra settings.</summary>
public sealed record DispatchSystemOptions
{
    /// <summary>The servers to run on; the ones ./test.sh shares when null.</summary>
    public Servers? Servers { get; init; }

    /// <summary>Processes per service (and gateways), all on the same databases and virtual host.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Extra environment for every process (e.g. <c>Escalation__StepWindow</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The whole system as real processes — needs, teams, matching and the gateway — on fresh databases
/// and a fresh virtual host of the real PostgreSQL and RabbitMQ, started the way run.sh starts them.
/// With <see cref="DispatchSystemOptions.Replicas"/> above one, every service runs that many times
/// (named <c>needs</c>, <c>needs-2</c>, …) and each gateway spreads requests over all of them.
/// </summary>
public sealed class DispatchSystem : IAsyncLifetime
{
    public const string AdminPassword = "e2e-admin-password";
    private static readonly (string Name, string Project, string Connection)[] Services =
    [
        ("needs", "services/needs/Dispatch.Needs", "Needs"),
        ("teams", "services/teams/Dispatch.Teams", "Teams"),
        ("matching", "services/matching/Dispatch.Matching", "Matching"),
    ];

    private readonly DispatchSystemOptions _options;
    private readonly List<ServiceProcess> _processes = [];
    private readonly Dictionary<string, string> _databases = [];

    /// <summary>
    /// One replica of everything on the shared servers (the xunit fixture: one public constructor). Every person of
    /// the tests sharing it signs in from 127.0.0.1, as at a matching meeting: the limits stay as deployed.
    /// </summary>
    public DispatchSystem() : this(new DispatchSystemOptions())
    {
    }

    private DispatchSystem(DispatchSystemOptions options) => _options = options;

    /// <summary>Starts a system with <paramref name="options"/>; dispose it to stop every process.</summary>
    public static async Task<DispatchSystem> StartAsync(DispatchSystemOptions options)
    {
        var system = new DispatchSystem(options);
        try
        {
            await system.InitializeAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first gateway.</summary>
    public Uri Gateway => Gateways[0];

    public IReadOnlyList<Uri> Gateways { get; private set; } = [];
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>The amqp:// URL of the system's own virtual host.</summary>
    public string Broker { get; private set; } = null!;

    /// <summary>The connection string of a service's database: "needs", "teams", "matching" or "identity".</summary>
    public string Database(string service) => _databases[service];

    public async Task InitializeAsync()
    {
        var servers = _options.Servers;
        Broker = await TestInfrastructure.NewVirtualHostAsync("e2e", servers);
        var signingKey = $"e2e-{Guid.NewGuid():N}-{Guid.NewGuid():N}";
        var logs = Path.Combine(AppContext.BaseDirectory, "e2e-logs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff"));
        var gatewayPorts = Enumerable.Range(0, _options.Replicas).Select(_ => FreePort()).ToList();
        var common = new Dictionary<string, string>(_options.Environment)
        {
            ["ConnectionStrings__RabbitMq"] = Broker,
            ["Auth__SigningKeys"] = signingKey,
            // Certificates' QR codes open the verification page on this system's own gateway.
            ["Certificates__VerifyBaseUrl"] = $"http://127.0.0.1:{gatewayPorts[0]}",
        };

        var ports = new Dictionary<string, List<int>>();
        foreach (var (name, project, connection) in Services)
        {
            _databases[name] = TestInfrastructure.NewDatabase($"e2e_{name}", servers);
            ports[name] = [];
            for (var replica = 1; replica <= _options.Replicas; replica++)
            {
                var port = FreePort();
                ports[name].Add(port);
                var environment = new Dictionary<string, string>(common) { [$"ConnectionStrings__{connection}"] = _databases[name] };
                var process = ServiceProcess.Start(ReplicaName(name, replica), Build.Output(project), port, environment, logs);
                _processes.Add(process);
                // Replicas after the first wait until it is ready: it creates the database and declares the broker
                // topology. Two replicas declaring the same exchanges at once on a fresh virtual host can get
                // RabbitMQ's INTERNAL_ERROR, and the second replica's bus then never starts.
                if (replica == 1 && _options.Replicas > 1)
                    await WaitReadyAsync(process);
            }
        }

        _databases["identity"] = TestInfrastructure.NewDatabase("e2e_identity", servers);
        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["ConnectionStrings__Identity"] = _databases["identity"],
            ["Dispatch__AdminPassword"] = AdminPassword,
            ["Services__Teams"] = $"http://127.0.0.1:{ports["teams"][0]}",
        };
        foreach (var (cluster, clusterPorts) in ports)
        {
            for (var i = 0; i < clusterPorts.Count; i++)
                gatewayEnvironment[$"ReverseProxy__Clusters__{cluster}__Destinations__d{i + 1}__Address"] = $"http://127.0.0.1:{clusterPorts[i]}";
        }
        var gateways = new List<Uri>();
        for (var replica = 1; replica <= _options.Replicas; replica++)
        {
            // The gateway serves /metrics on a port of its own, never on its public one.
            var gateway = ServiceProcess.Start(ReplicaName("gateway", replica), Build.Output("gateway/Dispatch.Gateway"), gatewayPorts[replica - 1], gatewayEnvironment, logs,
                metricsPort: FreePort());
            _processes.Add(gateway);
            gateways.Add(gateway.BaseAddress);
            if (replica == 1 && _options.Replicas > 1)
                await WaitReadyAsync(gateway);
        }
        Gateways = gateways;

        foreach (var process in _processes)
            await WaitReadyAsync(process);
    }

    /// <summary>Waits until the process answers 200 on /health/ready (after a start or a restart).</summary>
    public static async Task WaitReadyAsync(ServiceProcess process, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.Name} exited during start:\n{process.LogText()}");
            try
            {
                return (await http.GetAsync(new Uri(process.BaseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, timeout ?? TimeSpan.FromSeconds(90), $"{process.Name} should become ready");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
            await process.DisposeAsync();
    }

    public ServiceProcess Process(string name) => _processes.Single(p => p.Name == name);

    private static string ReplicaName(string name, int replica) => replica == 1 ? name : $"{name}-{replica}";

    /// <summary>
    /// A free port below the kernel's ephemeral range: a port the kernel handed out (bind to 0) could be taken by any
    /// outgoing connection — the test projects running alongside open hundreds — before the service binds it, which
    /// fails the start with "address already in use". Random, so systems started at the same
    /// time rarely pick alike; checked free by binding it.
    /// </summary>
    private static int FreePort()
    {
        var ephemeralStart = EphemeralRangeStart();
        if (ephemeralStart > 4096)
        {
            var low = Math.Max(1024, ephemeralStart - 12_000);
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(low, ephemeralStart);
                try
                {
                    using var candidate = new TcpListener(IPAddress.Loopback, port);
                    candidate.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // taken: try another
                }
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 0;
    }
}
