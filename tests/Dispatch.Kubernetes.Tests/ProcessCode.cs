using System.Reflection;
using System.Text.Json.Nodes;
using Dispatch.Gateway;
using Dispatch.Matching;
using Dispatch.Needs;
using Dispatch.ServiceDefaults.Configuration;
using Dispatch.Teams;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// What one process reads from configuration, as the process declares it (<see cref="ProcessSettings"/>, the options
/// classes of its assembly): the environment variables it understands (<see cref="Reads"/>) and those a deployment must
/// give it (<see cref="Requires"/>).
/// </summary>
internal sealed class ProcessCode
{
    // Read by the host itself (ASP.NET Core, the .NET runtime, the logging configuration, OpenTelemetry's SDK).
    private static readonly string[] HostKeys = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];
    private static readonly string[] HostPrefixes = ["DOTNET_", "Logging__", "OTEL_"];

    private static readonly Dictionary<string, (string Folder, Assembly Assembly, ProcessSettings Settings)> Declared = new()
    {
        ["gateway"] = ("gateway", typeof(GatewaySettings).Assembly, GatewaySettings.Declared),
        ["needs"] = (System.IO.Path.Combine("services", "needs"), typeof(NeedsSettings).Assembly, NeedsSettings.Declared),
        ["teams"] = (System.IO.Path.Combine("services", "teams"), typeof(TeamsSettings).Assembly, TeamsSettings.Declared),
        ["matching"] = (System.IO.Path.Combine("services", "matching"), typeof(MatchingSettings).Assembly, MatchingSettings.Declared),
    };

    private readonly HashSet<string> _exact = new(HostKeys, StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(HostPrefixes, StringComparer.Ordinal);
    private readonly HashSet<string> _required = new(StringComparer.Ordinal);

    private ProcessCode(string name, string folder, Assembly assembly, ProcessSettings settings)
    {
        Name = name;
        Folder = folder;
        Databases.Add(settings.Database);
        UsesBroker = settings.UsesBroker;

        foreach (var connectionString in settings.ConnectionStrings)
        {
            _exact.Add(connectionString);
            _required.Add(connectionString);
        }
        foreach (var (key, required) in settings.OptionsClasses(assembly).SelectMany(ProcessSettings.Keys))
        {
            _exact.Add(key);
            if (required)
                _required.Add(key);
        }
        _prefixes.UnionWith(settings.LibrarySections.Select(section => section + "__"));

        // The proxy's clusters (appsettings.json): each needs a destination address that works in the cluster.
        var appSettings = System.IO.Path.Combine(Repository.Path(folder), "appsettings.json");
        if (File.Exists(appSettings) && JsonNode.Parse(File.ReadAllText(appSettings))?["ReverseProxy"]?["Clusters"] is JsonObject clusters)
            ProxyClusters.AddRange(clusters.Select(c => c.Key));
    }

    public string Name { get; }

    /// <summary>The folder of the process's project, relative to the repository.</summary>
    public string Folder { get; }

    public List<string> Databases { get; } = [];

    public bool UsesBroker { get; }

    /// <summary>The YARP clusters of the gateway's appsettings.json (none for a service).</summary>
    public List<string> ProxyClusters { get; } = [];

    public IReadOnlySet<string> Requires => _required;

    /// <summary>A key the code reads, or an element below one (Messaging__RetryIntervalsMs__0, RateLimiting__Token__Window).</summary>
    public bool Reads(string variable) =>
        _exact.Contains(variable)
        || _exact.Any(e => variable.StartsWith(e + "__", StringComparison.Ordinal))
        || _prefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The process a Deployment runs: the gateway, or services/&lt;name&gt;.</summary>
    public static ProcessCode For(string deployment) =>
        Declared.TryGetValue(deployment, out var process)
            ? new ProcessCode(deployment, process.Folder, process.Assembly, process.Settings)
            : throw new InvalidOperationException($"Deployment {deployment} runs no process of this repository (the test knows gateway, needs, teams and matching).");
}
