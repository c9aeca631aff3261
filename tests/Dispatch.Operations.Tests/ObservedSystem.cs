using Dispatch.Testing;
using Dispatch.Testing.Telemetry;

namespace Dispatch.Operations.Tests;

/// <summary>
/// The whole system as real processes, as an operator runs it observed: every process exports its spans over OTLP
/// to a receiver in the test (the standard OTEL_EXPORTER_OTLP_* settings), writes JSON log lines, and is scraped
/// every second by Debian's Prometheus, which evaluates the alerts of k8s/components/monitoring.
/// </summary>
public sealed class ObservedSystem : IAsyncLifetime
{
    public static readonly string[] Jobs = ["gateway", "needs", "teams", "matching"];

    public DispatchSystem System { get; private set; } = null!;

    internal OtlpReceiver Traces { get; private set; } = null!;

    internal PrometheusServer Prometheus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Traces = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string>(Traces.ExporterSettings)
        {
            ["Logging__Console__FormatterName"] = "json",
            // The gauges read the database and the broker at most this often (10 s by default).
            ["Metrics__ReadingInterval"] = "00:00:01",
            // A poison message is parked after two quick retries instead of four over eight seconds.
            ["Messaging__RetryIntervalsMs__0"] = "50",
            ["Messaging__RetryIntervalsMs__1"] = "50",
        };
        System = await DispatchSystem.StartAsync(new DispatchSystemOptions { Environment = environment });
        Prometheus = await PrometheusServer.StartAsync(
            Jobs.ToDictionary(job => job, job => (IReadOnlyList<Uri>)[System.Process(job).MetricsAddress]),
            AlertRules.Read());
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
            await Prometheus.DisposeAsync();
        if (System is not null)
            await System.DisposeAsync();
        if (Traces is not null)
            await Traces.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ObservedSystemCollection : ICollectionFixture<ObservedSystem>
{
    public const string Name = "observed system";
}
