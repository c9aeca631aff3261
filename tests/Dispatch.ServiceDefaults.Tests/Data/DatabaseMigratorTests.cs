using Dapper;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.ServiceDefaults.Tests.Data;

public sealed class DatabaseMigratorTests
{
    /// <summary>
    /// Replicas of a service deployed together all find the database missing and create it at once;
    /// PostgreSQL then reports a unique violation on its catalog (not duplicate_database). Every replica
    /// must start anyway, and each script is applied once.
    /// </summary>
    [Fact]
    public async Task Replicas_starting_together_on_a_missing_database_all_start_and_apply_each_script_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var connectionString = TestInfrastructure.NewDatabase("migrate");
            var source = new MigrationSource(typeof(DatabaseMigratorTests).Assembly, connectionString);
            var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
            try
            {
                await Task.WhenAll(sources.Select(data =>
                    Task.Run(() => new DatabaseMigrator(data, source, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None))));

                await using var connection = new NpgsqlConnection(connectionString);
                var applied = (await connection.QueryAsync<string>("select version from schema_migrations")).ToList();
                Assert.Equal(source.Scripts().Select(s => s.Version).Order(), applied.Order());
            }
            finally
            {
                foreach (var data in sources)
                    await data.DisposeAsync();
            }
        }
    }
}
