using MassTransit;
using Microsoft.Extensions.Logging;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>One log line per message consumed; like every line, it names the trace the message travels in.</summary>
internal sealed class ConsumeLogFilter<T>(ILogger<ConsumeLogFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        logger.LogInformation("Consuming {MessageType} {MessageId}", typeof(T).Name, context.MessageId);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumeLog");
}
