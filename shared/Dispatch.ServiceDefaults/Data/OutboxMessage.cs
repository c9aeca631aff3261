using System.Text.Json;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.ServiceDefaults.Telemetry;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>An event as one outbox row stores it; its properties are the row's parameters.</summary>
public sealed record OutboxMessage(Guid MessageId, string MessageType, string Body, string? TraceParent)
{
    /// <summary>The row for <paramref name="message"/>, carrying the trace context of the work that caused it.</summary>
    public static OutboxMessage For<T>(T message) where T : class => new(
        Guid.CreateVersion7(),
        ContractTypes.NameOf(typeof(T)),
        JsonSerializer.Serialize(message, ContractTypes.JsonOptions),
        TraceContext.CurrentTraceParent);
}
