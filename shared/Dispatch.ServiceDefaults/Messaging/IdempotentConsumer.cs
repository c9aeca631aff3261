using Dispatch.ServiceDefaults.Data;
using MassTransit;
using Npgsql;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that handles each message once: the message id goes into the inbox in the same
/// transaction as the consumer's changes (and any events it publishes), so a redelivery collides
/// with it there and the transaction, changes and all, is rolled back.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(Database database) : IConsumer<TMessage> where TMessage : class
{
    private const string InboxKey = "inbox_messages_pkey";

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var cancellationToken = context.CancellationToken;

        await using var unit = await database.BeginAsync(cancellationToken);
        await HandleAsync(context.Message, unit, cancellationToken);
        // Written last, with the handler's deferred writes (one round trip): redeliveries are rare, so the common
        // case does not pay a round trip up front to look for one. A concurrent twin waits on the key until this commits.
        unit.Defer("insert into inbox_messages (message_id, consumer) values (@messageId, @consumer)", new { messageId, consumer = GetType().Name });
        try
        {
            await unit.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == InboxKey)
        {
            // Handled before: a redelivery. Disposing the unit rolls back what the handler did again.
        }
    }

    protected abstract Task HandleAsync(TMessage message, UnitOfWork unit, CancellationToken cancellationToken);
}
