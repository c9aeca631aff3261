using MassTransit;
using Microsoft.Extensions.Logging;

namespace Dispatch.ServiceDefaults.Correlation;

/// <summary>Stamps the current correlation id on every message this service publishes or sends.</summary>
internal sealed class CorrelationPublishFilter<T> : IFilter<PublishContext<T>>, IFilter<SendContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    private static void Stamp(SendContext context)
    {
        if (CorrelationId.Current is { } id && !context.Headers.TryGetHeader(CorrelationId.HeaderName, out _))
            context.Headers.Set(CorrelationId.HeaderName, id);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}

/// <summary>Restores the correlation id of a consumed message, so the consumer's log lines and the events it causes carry it.</summary>
internal sealed class CorrelationConsumeFilter<T>(ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = context.Headers.Get<string>(CorrelationId.HeaderName);
        if (!CorrelationId.IsAcceptable(id))
            id = context.MessageId?.ToString("N") ?? CorrelationId.New();

        CorrelationId.Current = id;
        // A message-template scope: structured loggers get the CorrelationId property, the console prints "CorrelationId:<id>".
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id!))
        {
            logger.LogInformation("Consuming {MessageType} {MessageId}", typeof(T).Name, context.MessageId);
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}
