using System.Collections.Concurrent;
using System.IO.Compression;
using Dispatch.Testing.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Testing.Telemetry;

/// <summary>
/// A receiver of OTLP over HTTP with protobuf bodies, as OpenTelemetry's exporter sends it with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c> (POST /v1/traces, /v1/metrics, /v1/logs; 200 with an empty
/// Export…ServiceResponse). It keeps every span (unless told to only count them) and drops metrics and logs.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _keep;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private long _count;

    private OtlpReceiver(WebApplication app, bool keep)
    {
        _app = app;
        _keep = keep;
    }

    /// <summary>Where the exporters send (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Spans received so far.</summary>
    public long SpanCount => Interlocked.Read(ref _count);

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>The standard settings that make a process export to this receiver, quickly (batches every 200 ms).</summary>
    public IReadOnlyDictionary<string, string> ExporterSettings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    /// <param name="keepSpans">False to count spans only (a benchmark's receiver: nothing grows).</param>
    public static async Task<OtlpReceiver> StartAsync(bool keepSpans = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, keepSpans);
        app.MapPost("/v1/traces", receiver.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", Acknowledge);
        app.MapPost("/v1/logs", Acknowledge);
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The spans of one trace (32 hex digits).</summary>
    public IReadOnlyList<ReceivedSpan> Trace(string traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    private async Task ReceiveTracesAsync(HttpContext context)
    {
        var request = ExportTraceServiceRequest.Parser.ParseFrom(await ReadBodyAsync(context.Request));
        foreach (var resource in request.ResourceSpans)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";
            foreach (var scope in resource.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    Interlocked.Increment(ref _count);
                    if (_keep)
                        _spans.Enqueue(ToReceived(service, scope.Scope?.Name ?? "", span));
                }
            }
        }
        await AnswerAsync(context, new ExportTraceServiceResponse().ToByteArray());
    }

    private static async Task Acknowledge(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        await AnswerAsync(context, []);
    }

    private static async Task AnswerAsync(HttpContext context, byte[] response)
    {
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(response);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static ReceivedSpan ToReceived(string service, string scope, Span span) => new(
        service,
        scope,
        Convert.ToHexStringLower(span.TraceId.Span),
        Convert.ToHexStringLower(span.SpanId.Span),
        span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
        span.Name,
        span.Kind,
        span.Attributes.ToDictionary(a => a.Key, a => a.Value.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => a.Value.StringValue,
            AnyValue.ValueOneofCase.IntValue => a.Value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BoolValue => a.Value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.DoubleValue => a.Value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        }),
        DateTime.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100)),
        DateTime.UnixEpoch.AddTicks((long)(span.EndTimeUnixNano / 100)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
