using System.Diagnostics;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// The W3C trace context of the work in hand, as .NET keeps it (<see cref="Activity.Current"/>): made or taken
/// from <c>traceparent</c> by ASP.NET Core, passed on by HttpClient, YARP and MassTransit, kept with each outbox row.
/// </summary>
public static class TraceContext
{
    /// <summary>The response header that tells a client the trace id of its request (the name clients already read).</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The current trace id (32 hex digits), or null outside any trace.</summary>
    public static string? CurrentTraceId =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;

    /// <summary>The current <c>traceparent</c> (<c>00-{trace id}-{span id}-{flags}</c>), or null outside any trace.</summary>
    public static string? CurrentTraceParent =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
}
