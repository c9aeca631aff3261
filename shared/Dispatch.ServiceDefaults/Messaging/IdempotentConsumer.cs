using Dispatch.ServiceDefaults.Data;
using MassTransit;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that handles each message once: the message id goes into the inbox in the same
/// transaction as the consumer's changes (and any events it publishes), so a redelivery finds it
/// there and changes nothing. Messages handled at the same moment share a transaction
/// (<see cref="InboxGroupCommit"/>); each still succeeds or fails on its own.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(Database database) : IConsumer<TMessage> where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var message = context.Message;
        return database.Inbox.HandleOnceAsync(messageId, GetType().Name, RowKey(message),
            (unit, cancellationToken) => HandleAsync(message, unit, cancellationToken), context.CancellationToken);
    }

    /// <summary>
    /// The id of the row this message changes (its need, its team), if it changes one: messages applied together are
    /// applied in the order of these keys, so that two replicas lock shared rows in one order and never deadlock.
    /// </summary>
    protected virtual Guid? RowKey(TMessage message) => null;

    protected abstract Task HandleAsync(TMessage message, UnitOfWork unit, CancellationToken cancellationToken);
}
