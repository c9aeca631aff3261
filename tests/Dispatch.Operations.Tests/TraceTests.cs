using System.Diagnostics;
using System.Text.Json;
using Dispatch.Testing;
using Dispatch.Testing.Telemetry;
using Dispatch.Testing.Telemetry.Otlp;
using Xunit.Abstractions;

namespace Dispatch.Operations.Tests;

/// <summary>
/// One request and its consequences are one trace, across the processes, the outbox and RabbitMQ, as the processes
/// export it over OTLP to a receiver in the test.
/// </summary>
[Collection(ObservedSystemCollection.Name)]
public sealed class TraceTests(ObservedSystem observed, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_publish_is_one_trace_from_the_gateway_through_needs_its_outbox_and_RabbitMQ_to_the_matching_consumer_with_the_database_inside()
    {
        using var street = await Street.SetUpAsync(observed.System.Gateway, DispatchSystem.AdminPassword);
        var (traceId, traceParent) = NewTrace();

        await street.PublishAsync(traceParent);

        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(observed.Traces.Trace(traceId)),
            s => s.Any(IsDatabaseCallUnder(s, IsConsumerOf("matching"))) && Connected(s, traceParent),
            Deadline, "the matching service's consumer spans should arrive in the publish's trace");
        Print(spans);

        // ASP.NET Core's span of the request (YARP's forwarding span inside it is a server span too).
        var gateway = Single(spans, s => s.Service == "gateway" && s.Kind == Span.Types.SpanKind.Server && s.Scope != "Yarp.ReverseProxy");
        var needs = Single(spans, s => s.Service == "needs" && s.Kind == Span.Types.SpanKind.Server);
        var outbox = Single(spans, s => s.Service == "needs" && s.Scope == "Dispatch.Outbox");
        var send = Single(spans, s => s.Service == "needs" && s.Kind == Span.Types.SpanKind.Producer && s.Scope == "MassTransit");
        var consumer = spans.First(IsConsumerOf("matching"));
        Assert.Equal(traceParent.Split('-')[2], gateway.ParentSpanId); // the client's span: the trace it chose
        Assert.True(Descends(spans, needs, gateway), "the needs request should be inside the gateway's");
        Assert.Contains(spans, s => s.Service == "gateway" && s.Scope == "Yarp.ReverseProxy");
        Assert.True(Descends(spans, outbox, needs), "the outbox relay's span should continue the request that wrote the row");
        Assert.True(outbox.Start >= needs.Start, "the relay sends after the row was written");
        Assert.True(Descends(spans, send, outbox), "the send to RabbitMQ should be inside the relay's span");
        Assert.Equal("rabbitmq", send.Attribute("messaging.system"));
        Assert.True(Descends(spans, consumer, send), "the matching consumer should continue the message's trace");
        Assert.Contains(spans, s => IsDatabaseCallUnder(spans, n => n == needs)(s));
        Assert.Contains(spans, s => IsDatabaseCallUnder(spans, c => c == consumer)(s));
        Assert.All(spans, s => Assert.True(s.ParentSpanId == gateway.ParentSpanId || spans.Any(p => p.SpanId == s.ParentSpanId),
            $"{s} has a parent outside the trace"));
    }

    [Fact]
    public async Task A_claim_is_one_trace_from_the_gateway_through_matching_to_the_needs_and_teams_consumers()
    {
        using var street = await Street.SetUpAsync(observed.System.Gateway, DispatchSystem.AdminPassword, teams: 1);
        var needId = await street.PublishAsync();
        var (traceId, traceParent) = NewTrace();

        var claimed = await street.Teams[0].Client.SendAsync(HttpMethod.Post, $"/api/orders/{needId}/claim", new { }, traceParent);

        Assert.Equal(System.Net.HttpStatusCode.OK, claimed.Status);
        Assert.Equal(traceId, claimed.CorrelationId);
        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(observed.Traces.Trace(traceId)),
            s => s.Any(IsDatabaseCallUnder(s, IsConsumerOf("needs"))) && s.Any(IsDatabaseCallUnder(s, IsConsumerOf("teams"))) && Connected(s, traceParent),
            Deadline, "the needs and teams consumers of OrderClaimed should arrive in the claim's trace");
        Print(spans);

        var matching = Single(spans, s => s.Service == "matching" && s.Kind == Span.Types.SpanKind.Server);
        Assert.Contains("claim", matching.Name, StringComparison.Ordinal);
        Assert.Contains(spans, s => IsDatabaseCallUnder(spans, m => m == matching)(s));
        var outbox = Single(spans, s => s.Service == "matching" && s.Scope == "Dispatch.Outbox");
        Assert.Contains("OrderClaimed", outbox.Name, StringComparison.Ordinal);
        Assert.True(Descends(spans, outbox, matching), "the relay should continue the claim");
        foreach (var service in new[] { "needs", "teams" })
            Assert.True(Descends(spans, spans.First(IsConsumerOf(service)), outbox), $"{service}'s consumer should continue the claim's event");
    }

    [Fact]
    public async Task Every_log_line_is_a_json_object_naming_its_service_version_trace_and_span()
    {
        using var street = await Street.SetUpAsync(observed.System.Gateway, DispatchSystem.AdminPassword, teams: 1);
        var (traceId, traceParent) = NewTrace();

        await street.PublishAsync(traceParent);

        var line = await Eventually.ReturnsAsync(() => Task.FromResult(observed.System.Process("matching").LogText().Split('\n')
                .FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal) && l.Contains("Consuming NeedPublished", StringComparison.Ordinal))),
            l => l is not null, Deadline, "matching should log consuming the need in the publish's trace");
        var json = JsonDocument.Parse(line!).RootElement;
        Assert.Equal(traceId, json.GetProperty("TraceId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", json.GetProperty("SpanId").GetString());
        Assert.Equal("matching", json.GetProperty("ServiceName").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("ServiceVersion").GetString()));
        foreach (var process in observed.System.Processes)
        {
            var lines = process.LogText().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.True(IsJsonObject(l), $"{process.Name}: not a JSON line: {l}"));
        }
    }

    private static (string TraceId, string TraceParent) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        return (traceId, $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    /// <summary>Every span's parent has arrived (the processes export in batches, each at its own moment), or is the client's.</summary>
    private static bool Connected(IReadOnlyList<ReceivedSpan> spans, string traceParent) =>
        spans.All(s => s.ParentSpanId == traceParent.Split('-')[2] || spans.Any(p => p.SpanId == s.ParentSpanId));

    private static Func<ReceivedSpan, bool> IsConsumerOf(string service) =>
        s => s.Service == service && s.Kind == Span.Types.SpanKind.Consumer && s.Scope == "MassTransit";

    /// <summary>A PostgreSQL command span (Npgsql) somewhere below a span that <paramref name="above"/> picks.</summary>
    private static Func<ReceivedSpan, bool> IsDatabaseCallUnder(IReadOnlyList<ReceivedSpan> spans, Func<ReceivedSpan, bool> above) =>
        s => s.Scope == "Npgsql" && s.Kind == Span.Types.SpanKind.Client && spans.Where(above).Any(a => Descends(spans, s, a));

    private static bool Descends(IReadOnlyList<ReceivedSpan> spans, ReceivedSpan span, ReceivedSpan ancestor)
    {
        for (var current = span; current.ParentSpanId is { } parent;)
        {
            if (parent == ancestor.SpanId)
                return true;
            if (spans.FirstOrDefault(s => s.SpanId == parent) is not { } next)
                return false;
            current = next;
        }
        return false;
    }

    private static ReceivedSpan Single(IReadOnlyList<ReceivedSpan> spans, Func<ReceivedSpan, bool> which)
    {
        var found = spans.Where(which).ToList();
        Assert.True(found.Count == 1, $"expected one such span, found {found.Count}:\n{string.Join("\n", spans)}");
        return found[0];
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void Print(IReadOnlyList<ReceivedSpan> spans)
    {
        foreach (var span in spans.OrderBy(s => s.Start))
            output.WriteLine($"{span.Start:HH:mm:ss.fff} {span}");
    }
}
