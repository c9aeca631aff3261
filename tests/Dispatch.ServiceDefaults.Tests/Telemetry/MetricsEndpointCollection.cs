namespace Dispatch.ServiceDefaults.Tests.Telemetry;

/// <summary>The metrics tests run on their own, once the other hosts of the assembly are gone (see <see cref="MetricsEndpointTests"/>).</summary>
[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsEndpointCollection;
