using System.Data;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Dispatch.ServiceDefaults.Correlation;
using Dispatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>
/// One transaction on the service's database. Events added with <see cref="PublishAsync{T}"/>
/// go into the outbox inside the same transaction, so they exist exactly when the change does.
/// Writes whose answer nobody reads (<see cref="Defer"/>) travel to the database together, in one round trip.
/// </summary>
public sealed partial class UnitOfWork : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly OutboxSignal _signal;
    private readonly List<(string Sql, object? Parameters)> _deferred = [];
    private bool _published;

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxSignal signal)
    {
        _connection = connection;
        _transaction = transaction;
        _signal = signal;
    }

    public NpgsqlConnection Connection => _connection;
    public NpgsqlTransaction Transaction => _transaction;

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QuerySingleAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return (await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList();
    }

    /// <summary>
    /// A write whose answer nobody reads (a timeline entry, a counter, an outbox row). Deferred writes are
    /// sent together, in order, in one round trip before this unit's next statement or at commit; one that
    /// fails fails the unit there.
    /// </summary>
    public void Defer(string sql, object? parameters) => _deferred.Add((sql, parameters));

    /// <summary>Adds an event to the outbox; it is relayed to RabbitMQ once this transaction commits.</summary>
    public void Publish<T>(T message) where T : class
    {
        Defer("""
            insert into outbox_messages (message_id, message_type, body, correlation_id)
            values (@MessageId, @MessageType, @Body::jsonb, @CorrelationId)
            """, new
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = ContractTypes.NameOf(typeof(T)),
            Body = JsonSerializer.Serialize(message, ContractTypes.JsonOptions),
            CorrelationId = CorrelationId.Current,
        });
        _published = true;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        if (_published)
            _signal.Notify();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>
    /// Sends the deferred writes as one command of several statements, which PostgreSQL runs in order. Each
    /// statement's parameters are renamed <c>@w{n}_{name}</c> so that two statements' names cannot collide.
    /// </summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_deferred.Count == 0)
            return;
        if (_deferred is [var (onlySql, onlyParameters)])
        {
            _deferred.Clear();
            await _connection.ExecuteAsync(Command(onlySql, onlyParameters, cancellationToken));
            return;
        }

        var text = new StringBuilder();
        var parameters = new DynamicParameters();
        for (var n = 0; n < _deferred.Count; n++)
        {
            var (sql, values) = _deferred[n];
            var byName = (values?.GetType().GetProperties() ?? []).ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
            var statement = ParameterReference().Replace(sql, reference =>
            {
                if (!byName.TryGetValue(reference.Groups[1].Value, out var property))
                    return reference.Value;
                var unique = $"w{n}_{reference.Groups[1].Value}";
                var value = property.GetValue(values);
                // A null keeps the type its property declares, as Dapper gives it when it reads the object itself.
                parameters.Add(unique, value, value is null ? NullType(property.PropertyType) : null);
                return "@" + unique;
            });
            text.Append(statement.TrimEnd().TrimEnd(';')).Append(";\n");
        }
        _deferred.Clear();
        await _connection.ExecuteAsync(Command(text.ToString(), parameters, cancellationToken));
    }

    private static DbType? NullType(Type type) => Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) switch
    {
        TypeCode.String => DbType.String,
        TypeCode.Int32 => DbType.Int32,
        TypeCode.Int64 => DbType.Int64,
        TypeCode.Decimal => DbType.Decimal,
        TypeCode.Double => DbType.Double,
        TypeCode.Boolean => DbType.Boolean,
        TypeCode.DateTime => DbType.DateTime,
        _ when (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid) => DbType.Guid,
        _ when (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTimeOffset) => DbType.DateTimeOffset,
        _ => null,
    };

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex ParameterReference();

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);
}
