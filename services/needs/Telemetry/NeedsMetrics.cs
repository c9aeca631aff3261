using System.Diagnostics.Metrics;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Telemetry;

namespace Dispatch.Needs.Telemetry;

/// <summary>The needs service's meter, <c>Dispatch.Needs</c>.</summary>
internal sealed class NeedsMetrics
{
    public const string MeterName = TelemetrySetup.SourcePrefix + "Needs";

    private readonly Counter<long> _published;

    public NeedsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("dispatch.needs.published", "{need}",
            "Needs published as orders, by category and whether directed to one team.");
    }

    public void Published(Need need) => _published.Add(1,
        new KeyValuePair<string, object?>("dispatch.need.category", need.Category),
        new KeyValuePair<string, object?>("dispatch.order.directed", need.TargetTeamId is not null));
}
