using Dispatch.ServiceDefaults.Data;
using MassTransit;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that handles each message once: the message id goes into the inbox in the same
/// transaction as the consumer's changes (and any events it publishes), so a redelivery finds it
/// there and changes nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(Database database) : IConsumer<TMessage> where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var cancellationToken = context.CancellationToken;

        await using var unit = await database.BeginAsync(cancellationToken);
        var first = await unit.ExecuteAsync(
            "insert into inbox_messages (message_id, consumer) values (@messageId, @consumer) on conflict do nothing",
            new { messageId, consumer = GetType().Name }, cancellationToken);
        if (first == 0)
            return; // handled before: a redelivery

        await HandleAsync(context.Message, unit, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    protected abstract Task HandleAsync(TMessage message, UnitOfWork unit, CancellationToken cancellationToken);
}
