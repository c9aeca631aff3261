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
}
