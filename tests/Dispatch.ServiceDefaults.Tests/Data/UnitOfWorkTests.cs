using Dapper;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.ServiceDefaults.Tests.Data;

/// <summary>Deferred writes: sent together, in order, each with its own parameters, and part of the unit's transaction.</summary>
public sealed class UnitOfWorkTests : IAsyncLifetime, IDisposable
{
    private readonly OutboxSignal _signal = new();
    private NpgsqlDataSource _source = null!;
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        var connectionString = TestInfrastructure.NewDatabase("unit");
        _source = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(_source, new MigrationSource(typeof(UnitOfWorkTests).Assembly, connectionString), NullLogger<DatabaseMigrator>.Instance)
            .StartAsync(CancellationToken.None);
        _database = new Database(_source, _signal);
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();

    public void Dispose() => _signal.Dispose();

    private async Task<List<Guid>> ReceivedInOrderAsync()
    {
        await using var connection = await _source.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>("select need_id from received_messages order by received_at, ctid")).AsList();
    }

    [Fact]
    public async Task Deferred_writes_sharing_parameter_names_keep_their_own_values_and_their_order()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid(), third = Guid.NewGuid();

        await using (var unit = await _database.BeginAsync(CancellationToken.None))
        {
            unit.Defer("insert into received_messages (need_id) values (@id)", new { id = first });
            unit.Defer("insert into received_messages (need_id, received_at) values (@Id, clock_timestamp());", new { Id = second });
            // @id appears twice in one statement and the statement after reads what the two before wrote.
            unit.Defer("insert into received_messages (need_id, received_at) select @id, clock_timestamp() where @id <> all(select need_id from received_messages)", new { id = third });
            await unit.CommitAsync(CancellationToken.None);
        }

        Assert.Equal([first, second, third], await ReceivedInOrderAsync());
    }

    [Fact]
    public async Task A_deferred_null_keeps_the_type_its_property_declares()
    {
        var needId = Guid.NewGuid();

        await using (var unit = await _database.BeginAsync(CancellationToken.None))
        {
            unit.Defer("insert into received_messages (need_id) values (@needId)", new { needId = Guid.NewGuid() });
            // PostgreSQL cannot tell the type of "@note is null" by itself: an untyped null would fail here.
            unit.Defer("insert into received_messages (need_id) select @needId where @note is null", new { needId, note = (string?)null });
            await unit.CommitAsync(CancellationToken.None);
        }

        Assert.Contains(needId, await ReceivedInOrderAsync());
    }

    [Fact]
    public async Task A_read_in_the_unit_sees_the_writes_deferred_before_it()
    {
        var needId = Guid.NewGuid();

        await using var unit = await _database.BeginAsync(CancellationToken.None);
        unit.Defer("insert into received_messages (need_id) values (@needId)", new { needId });
        var seen = await unit.QuerySingleAsync<long>("select count(*) from received_messages where need_id = @needId", new { needId }, CancellationToken.None);

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task A_deferred_write_that_fails_fails_the_commit_and_nothing_is_kept()
    {
        var kept = Guid.NewGuid();

        await using (var unit = await _database.BeginAsync(CancellationToken.None))
        {
            await unit.ExecuteAsync("insert into received_messages (need_id) values (@kept)", new { kept }, CancellationToken.None);
            unit.Defer("insert into received_messages (need_id) values (@kept)", new { kept });
            unit.Defer("insert into received_messages (need_id) values (null)", null);
            var failure = await Assert.ThrowsAsync<PostgresException>(() => unit.CommitAsync(CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.NotNullViolation, failure.SqlState);
        }

        Assert.Empty(await ReceivedInOrderAsync());
    }

    [Fact]
    public async Task A_unit_disposed_without_commit_sends_nothing_it_deferred()
    {
        await using (var unit = await _database.BeginAsync(CancellationToken.None))
            unit.Defer("insert into received_messages (need_id) values (@id)", new { id = Guid.NewGuid() });

        Assert.Empty(await ReceivedInOrderAsync());
    }
}
