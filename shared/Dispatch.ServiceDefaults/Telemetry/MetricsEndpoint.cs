using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// <c>/metrics</c> in Prometheus's text format, ahead of everything else (no token, no request log line): on the
/// process's own port, or only on <see cref="MetricsOptions.Port"/> when that is set, which then serves nothing else.
/// </summary>
internal sealed class MetricsEndpoint(IOptions<MetricsOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var port = options.Value.Port;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsOptions.Path && (port is null || context.Connection.LocalPort == port));
        if (port is { } own)
            app.MapWhen(context => context.Connection.LocalPort == own, nothing => nothing.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        next(app);
    };
}
