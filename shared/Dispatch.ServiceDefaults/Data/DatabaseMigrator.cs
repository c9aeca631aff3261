using System.Reflection;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>
/// Brings the service's database up to date before anything else starts: creates the database
/// when missing, then applies the embedded <c>NNNN_name.sql</c> scripts not yet recorded in
/// <c>schema_migrations</c>, each in its own transaction, under an advisory lock so that several
/// replicas starting together apply each script once.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, MigrationSource source, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private const long LockKey = 0x44_69_73_70_61_74_63_68; // "Dispatch"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + source.StartupTimeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureDatabaseExistsAsync(cancellationToken);
                await ApplyAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Message}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        // The data source's own ConnectionString has the password stripped; the source keeps the full one.
        var target = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var database = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from pg_database where datname = @database)", new { database }, cancellationToken: cancellationToken));
        if (exists)
            return;
        try
        {
            // Identifiers cannot be parameters; quote it as PostgreSQL would.
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await connection.ExecuteAsync(new CommandDefinition($"create database {quoted}", cancellationToken: cancellationToken));
            logger.LogInformation("Created database {Database}", database);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase
                                           || ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it first (when both ran "create database" at the same moment,
            // PostgreSQL reports the catalog's unique index rather than duplicate_database).
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                create table if not exists schema_migrations (
                    version     text primary key,
                    applied_at  timestamptz not null default now()
                )
                """, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "select version from schema_migrations", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);

            foreach (var (version, sql) in source.Scripts())
            {
                if (applied.Contains(version))
                    continue;
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into schema_migrations (version) values (@version)", new { version }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
