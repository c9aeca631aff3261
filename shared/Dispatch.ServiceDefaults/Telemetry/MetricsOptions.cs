namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>Where <c>/metrics</c> (Prometheus) is served (<c>Metrics__Port</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public const string Path = "/metrics";

    /// <summary>
    /// A port of its own for <c>/metrics</c>, on the process's address: when set, <c>/metrics</c> answers there
    /// only and that port serves nothing else. When not set, <c>/metrics</c> is on the process's own port.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// How old a gauge's reading of the database or the broker (outbox backlog, open orders, error queues) may be
    /// before a scrape starts the next one: the source is read at most this often, and only while scraped.
    /// </summary>
    public TimeSpan ReadingInterval { get; set; } = TimeSpan.FromSeconds(10);
}
