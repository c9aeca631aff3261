using Dispatch.Testing.Telemetry.Otlp;

namespace Dispatch.Testing.Telemetry;

/// <summary>One span as a process exported it: its service, its place in its trace, what it did.</summary>
public sealed record ReceivedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    Span.Types.SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes,
    DateTime Start,
    DateTime End)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Service} {Kind} \"{Name}\" {SpanId} <- {ParentSpanId ?? "(root)"}";
}
