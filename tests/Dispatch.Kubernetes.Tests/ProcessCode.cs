using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// What one process's code reads from configuration, found in its sources and in the parts of
/// shared/Dispatch.ServiceDefaults it calls: the environment variable names it understands
/// (<see cref="Reads"/>) and those it cannot start or work without (<see cref="Requires"/>).
/// </summary>
internal sealed partial class ProcessCode
{
    private static readonly string Shared = System.IO.Path.Combine("shared", "Dispatch.ServiceDefaults");

    // Read by the host itself (ASP.NET Core, the .NET runtime, the logging configuration, OpenTelemetry's SDK).
    private static readonly string[] HostKeys = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];
    private static readonly string[] HostPrefixes = ["DOTNET_", "Logging__", "OTEL_"];

    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _required = new(StringComparer.Ordinal);

    private ProcessCode(string name, string folder)
    {
        Name = name;
        Folder = folder;
        var sources = Repository.Sources(folder);

        _exact.UnionWith(HostKeys);
        _prefixes.UnionWith(HostPrefixes);

        // AddServiceDefaults: the token settings (Auth__SigningKeys and the rest of AuthOptions) and the telemetry's (Metrics__Port, …).
        if (sources.Contains("AddServiceDefaults()", StringComparison.Ordinal))
        {
            _exact.UnionWith(OptionsKeys(Repository.Sources(System.IO.Path.Combine(Shared, "Auth"))));
            _exact.UnionWith(OptionsKeys(Repository.Sources(System.IO.Path.Combine(Shared, "Telemetry"))));
            _required.Add("Auth__SigningKeys");
        }
        // The process's own options classes (the gateway's RateLimiting, RequestLimits, CircuitBreaker, …).
        _exact.UnionWith(OptionsKeys(sources));

        // AddDispatchDatabase("Needs", …) reads ConnectionStrings:Needs.
        var databaseSetup = Repository.Read(Shared, "Data", "DatabaseSetup.cs");
        if (!databaseSetup.Contains("GetConnectionString(name)", StringComparison.Ordinal))
            throw new InvalidOperationException("DatabaseSetup no longer reads GetConnectionString(name): teach the test where the connection string comes from.");
        foreach (Match m in DatabaseCall().Matches(sources))
        {
            Databases.Add(m.Groups[1].Value);
            _exact.Add($"ConnectionStrings__{m.Groups[1].Value}");
            _required.Add($"ConnectionStrings__{m.Groups[1].Value}");
        }

        // AddDispatchMessaging: the broker's connection string and the Messaging/Outbox options.
        if (sources.Contains("AddDispatchMessaging(", StringComparison.Ordinal))
        {
            UsesBroker = true;
            var setup = Repository.Read(Shared, "Messaging", "MessagingSetup.cs");
            foreach (Match m in ConnectionStringCall().Matches(setup))
            {
                _exact.Add($"ConnectionStrings__{m.Groups[1].Value}");
                _required.Add($"ConnectionStrings__{m.Groups[1].Value}");
            }
            _exact.UnionWith(OptionsKeys(Repository.Sources(System.IO.Path.Combine(Shared, "Messaging"))));
        }

        // The process's own keys: Configuration["Services:Teams"], const string …Key = "Dispatch:AdminPassword",
        // and whole sections bound from GetSection("ReverseProxy").
        foreach (Match m in IndexerRead().Matches(sources).Concat(KeyConstant().Matches(sources)))
        {
            _exact.Add(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));
            _required.Add(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));
        }
        foreach (Match m in SectionRead().Matches(sources))
            _prefixes.Add(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal) + "__");

        // The proxy's clusters (appsettings.json): each needs a destination address that works in the cluster.
        var settings = System.IO.Path.Combine(Repository.Path(folder), "appsettings.json");
        if (File.Exists(settings) && JsonNode.Parse(File.ReadAllText(settings))?["ReverseProxy"]?["Clusters"] is JsonObject clusters)
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

    /// <summary>A key the code reads, or an element below one (Messaging__RetryIntervalsMs__0).</summary>
    public bool Reads(string variable) =>
        _exact.Contains(variable)
        || _exact.Any(e => variable.StartsWith(e + "__", StringComparison.Ordinal))
        || _prefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The process a Deployment runs: the gateway, or services/&lt;name&gt;.</summary>
    public static ProcessCode For(string deployment)
    {
        var folder = deployment == "gateway" ? "gateway" : System.IO.Path.Combine("services", deployment);
        if (!File.Exists(Repository.Path(folder, "Program.cs")))
            throw new InvalidOperationException($"Deployment {deployment} runs no process of this repository (no {folder}/Program.cs).");
        return new ProcessCode(deployment, folder);
    }

    /// <summary>
    /// Section__Property for every options class in the code: a <c>const string SectionName</c> and
    /// the settable properties of the same class.
    /// </summary>
    private static IEnumerable<string> OptionsKeys(string code)
    {
        foreach (var type in code.Split(" class ", StringSplitOptions.None).Skip(1))
        {
            var section = SectionName().Match(type);
            if (!section.Success)
                continue;
            foreach (Match property in SettableProperty().Matches(type))
                yield return $"{section.Groups[1].Value}__{property.Groups[1].Value}";
        }
    }

    [GeneratedRegex(@"AddDispatchDatabase\(""(\w+)""")]
    private static partial Regex DatabaseCall();

    [GeneratedRegex("""GetConnectionString\("(\w+)"\)""")]
    private static partial Regex ConnectionStringCall();

    [GeneratedRegex("""Configuration\["([\w:]+)"\]""")]
    private static partial Regex IndexerRead();

    [GeneratedRegex("""const string \w*Key = "(\w+(?::\w+)+)";""")]
    private static partial Regex KeyConstant();

    [GeneratedRegex("""GetSection\("([\w:]+)"\)""")]
    private static partial Regex SectionRead();

    [GeneratedRegex("""const string SectionName = "(\w+)";""")]
    private static partial Regex SectionName();

    [GeneratedRegex("""public [\w<>\[\]?, ]+ (\w+) \{ get; set; \}""")]
    private static partial Regex SettableProperty();
}
