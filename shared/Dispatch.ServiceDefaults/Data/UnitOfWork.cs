using Dapper;
using Dispatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>
/// One transaction on the service's database. Events added with <see cref="PublishAsync{T}"/>
/// go into the outbox inside the same transaction, so they exist exactly when the change does.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly OutboxSignal _signal;
    private bool _published;

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxSignal signal)
    {
        _connection = connection;
        _transaction = transaction;
        _signal = signal;
    }

    public NpgsqlConnection Connection => _connection;
    public NpgsqlTransaction Transaction => _transaction;

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        _connection.QuerySingleAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        (await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList();

    /// <summary>Adds an event to the outbox; it is relayed to RabbitMQ once this transaction commits.</summary>
    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class
    {
        const string sql = """
            insert into outbox_messages (message_id, message_type, body, trace_parent)
            values (@MessageId, @MessageType, @Body::jsonb, @TraceParent)
            """;
        await ExecuteAsync(sql, OutboxMessage.For(message), cancellationToken);
        _published = true;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        if (_published)
            _signal.Notify();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}
