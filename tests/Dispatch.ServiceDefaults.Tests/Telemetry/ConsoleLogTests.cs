using System.Diagnostics;
using System.Text.Json;
using Dispatch.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dispatch.ServiceDefaults.Tests.Telemetry;

public sealed class ConsoleLogTests
{
    private static WebApplication Build(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(settings);
        builder.AddDispatchTelemetry();
        return builder.Build();
    }

    [Fact]
    public async Task The_console_shows_readable_lines_unless_configured_for_json()
    {
        await using var plain = Build();
        await using var json = Build("--Logging:Console:FormatterName=json");

        Assert.Equal(ConsoleFormatterNames.Simple, plain.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Equal(JsonLinesConsoleFormatter.FormatterName, json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task A_json_line_names_its_trace_span_service_and_version_and_keeps_the_messages_properties()
    {
        await using var app = Build("--Logging:Console:FormatterName=json", "--OTEL_SERVICE_NAME=probe");
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == JsonLinesConsoleFormatter.FormatterName);
        using var activity = new Activity("work").SetIdFormat(ActivityIdFormat.W3C).Start();
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/api/needs" });
        var state = new LogValues("Claimed {NeedId} for {Hours} hours", ("NeedId", "n-1"), ("Hours", 3));
        var output = new StringWriter();

        formatter.Write(new LogEntry<LogValues>(LogLevel.Information, "Dispatch.Test", new EventId(7), state, null, (s, _) => s.ToString()), scopes, output);

        var line = output.ToString();
        Assert.EndsWith(Environment.NewLine, line);
        Assert.Single(line.Trim().Split('\n'));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Claimed n-1 for 3 hours", json.GetProperty("Message").GetString());
        Assert.Equal("Information", json.GetProperty("LogLevel").GetString());
        Assert.Equal(activity.TraceId.ToHexString(), json.GetProperty("TraceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), json.GetProperty("SpanId").GetString());
        Assert.Equal("probe", json.GetProperty("ServiceName").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("ServiceVersion").GetString()));
        Assert.Equal(3, json.GetProperty("State").GetProperty("Hours").GetInt32());
        Assert.Equal("/api/needs", json.GetProperty("Scopes")[0].GetProperty("RequestPath").GetString());
    }

    /// <summary>A message template's values, as LoggerMessage passes them to a formatter.</summary>
    private sealed class LogValues(string template, params (string Key, object? Value)[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => index < values.Length
            ? new(values[index].Key, values[index].Value)
            : new("{OriginalFormat}", template);

        public int Count => values.Length + 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => values.Aggregate(template, (text, v) => text.Replace("{" + v.Key + "}", Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
