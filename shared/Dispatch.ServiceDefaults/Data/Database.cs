using System.Data;
using Dapper;
using Dispatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>The service's own PostgreSQL database: reads on a pooled connection, writes in a <see cref="UnitOfWork"/>.</summary>
public sealed class Database
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly OutboxSignal _signal;

    public Database(NpgsqlDataSource dataSource, OutboxSignal signal)
    {
        _dataSource = dataSource;
        _signal = signal;
        Inbox = new InboxGroupCommit(this);
    }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Where the service's consumers apply their messages, once each, several to a transaction.</summary>
    internal InboxGroupCommit Inbox { get; }

    /// <summary>
    /// Wakes the outbox relay after a statement that wrote its outbox row itself (a SQL function doing a
    /// whole transition in one call) committed; a <see cref="UnitOfWork"/> does this on commit.
    /// </summary>
    public void OutboxWritten() => _signal.Notify();

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            return new UnitOfWork(connection, transaction, _signal);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
