using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// The console's <c>json</c> format (<c>Logging__Console__FormatterName=json</c>): .NET's JSON lines — Timestamp,
/// EventId, LogLevel, Category, Message, Exception, State, Scopes — with what a log collector needs to join a line
/// to its trace and its process: TraceId, SpanId, ServiceName and ServiceVersion on every line.
/// </summary>
internal sealed class JsonLinesConsoleFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options, ServiceIdentity service)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "json-lines";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
            return;
        var settings = options.CurrentValue;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, settings.JsonWriterOptions))
        {
            json.WriteStartObject();
            var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            json.WriteString("Timestamp", settings.TimestampFormat is { } format ? now.ToString(format) : now.ToString("O"));
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
                json.WriteString("Exception", exception.ToString());
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }
            json.WriteString("ServiceName", service.Name);
            json.WriteString("ServiceVersion", service.Version);
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in properties)
                    WriteProperty(json, key, value);
                json.WriteEndObject();
            }
            if (settings.IncludeScopes && scopeProvider is not null)
            {
                json.WriteStartArray("Scopes");
                scopeProvider.ForEachScope(static (scope, writer) => WriteScope(writer, scope), json);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteScope(Utf8JsonWriter json, object? scope)
    {
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            json.WriteStartObject();
            foreach (var (key, value) in pairs)
                WriteProperty(json, key, value);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStringValue(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void WriteProperty(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool flag: json.WriteBoolean(key, flag); break;
            case ulong large: json.WriteNumber(key, large); break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
