using MassTransit.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every process: traces (ASP.NET Core, HttpClient, YARP, Npgsql, MassTransit, the outbox relay),
/// metrics (the same, the runtime and the system's own <c>Dispatch.*</c> meters) on <c>/metrics</c> for Prometheus,
/// and console logs that name the trace and span of each line.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The prefix of the system's own ActivitySource and Meter names ("Dispatch.Outbox", "Dispatch.Matching", …).</summary>
    public const string SourcePrefix = "Dispatch.";

    /// <summary>The standard setting that switches the OTLP exporter on (traces, metrics and logs).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddDispatchTelemetry(this WebApplicationBuilder builder)
    {
        var service = ServiceIdentity.Of(builder.Environment, builder.Configuration);
        builder.Services.AddSingleton(service);
        AddConsoleLogs(builder);

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service.Name, serviceVersion: service.Version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource("Yarp.ReverseProxy")
                .AddNpgsql()
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(SourcePrefix + "*")
                // Without an exporter the trace context is still made and passed on (the trace id in every log line
                // and in X-Correlation-Id), but no span is recorded: nothing is exported and nothing slows down.
                // OTEL_TRACES_SAMPLER, when set, decides instead.
                .SetSampler(exporting ? new ParentBasedSampler(new WorkArrivalSampler()) : new AlwaysOffSampler()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransit.Monitoring.InstrumentationOptions.MeterName)
                .AddMeter(SourcePrefix + "*")
                .AddPrometheusExporter());
        if (exporting)
        {
            builder.Services.Configure<OpenTelemetryLoggerOptions>(logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter();
        }

        var metricsPort = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>()?.Port;
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.SectionName));
        if (metricsPort is { } port)
            ListenAlsoOn(builder, port);
        builder.Services.AddTransient<IStartupFilter, MetricsEndpoint>();
        return builder;
    }

    /// <summary>Health probes and scrapes come every few seconds and are not work anybody asked for: no spans for them.</summary>
    internal static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One line per entry on the console: readable text by default (<c>simple</c>, as <c>./run.sh</c> shows it), or
    /// JSON lines with <c>Logging__Console__FormatterName=json</c>. Either names the entry's trace and span.
    /// </summary>
    private static void AddConsoleLogs(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.AddConsoleFormatter<JsonLinesConsoleFormatter, JsonConsoleFormatterOptions>();
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
        });
        // Named, so the options above apply (unnamed, the console would use its obsolete settings instead); "json" is the
        // name people know, and selects the JSON lines above, which add the service to .NET's own.
        builder.Services.PostConfigure<ConsoleLoggerOptions>(console =>
        {
            console.FormatterName ??= ConsoleFormatterNames.Simple;
            if (string.Equals(console.FormatterName, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
                console.FormatterName = JsonLinesConsoleFormatter.FormatterName;
        });
    }

    /// <summary>
    /// Adds <c>http://{host}:{port}</c> to the addresses the process listens on (those of <c>--urls</c>, <c>URLS</c> or
    /// <c>HTTP_PORTS</c>), on the host of the first of them, so that a gateway can serve <c>/metrics</c> where its public
    /// address does not lead. (Listening in code instead would make Kestrel ignore those settings.)
    /// </summary>
    private static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var configured = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : builder.Configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports
                ? ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}").ToArray()
                : ["http://localhost:5000"];
        var host = BindingAddress.Parse(configured[0]).Host;
        builder.WebHost.UseUrls([.. configured, $"http://{host}:{port}"]);
    }
}
