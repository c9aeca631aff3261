using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.ServiceDefaults.Tests.Data;

public sealed class DatabaseTests
{
    /// <summary>
    /// PostgreSQL refuses some values only at Bind (a NUL in text, a string too long for its column): a statement whose
    /// run fails there must leave the connection as good as before, for the next request that rents it from the pool.
    /// With Npgsql's automatic preparation the fifth run of a statement is its preparation; when that run failed at Bind
    /// the next good one failed with "Received unexpected backend message DataRow" and broke the connection.
    /// </summary>
    [Fact]
    public async Task A_value_refused_at_bind_never_breaks_the_next_statement_on_the_connection()
    {
        var builder = WebApplication.CreateBuilder();
        // One connection, so every statement below runs on the same one.
        builder.Configuration["ConnectionStrings:Probe"] = TestInfrastructure.NewDatabase("bind") + ";Maximum Pool Size=1";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // As every process is built: the database's session bookkeeping needs the defaults' authentication.
        builder.Configuration["Auth:SigningKeys"] = TestTokens.SigningKey;
        builder.AddServiceDefaults();
        builder.AddDispatchDatabase("Probe", typeof(DatabaseTests).Assembly);
        await using var app = builder.Build();
        await app.StartAsync();
        var database = app.Services.GetRequiredService<Database>();
        await using (var unit = await database.BeginAsync(CancellationToken.None))
        {
            await unit.ExecuteAsync("create table notes (id uuid primary key, title text not null, code varchar(4))", null, CancellationToken.None);
            await unit.CommitAsync(CancellationToken.None);
        }

        const string insert = "insert into notes (id, title, code) values (@id, @title, @code) returning id";
        var refused = new[] { ("NUL\0", "ok"), ("too long", "12345") };
        var failures = new List<string>();
        for (var round = 0; round < 12; round++)
        {
            var (title, code) = refused[round % refused.Length];
            await using (var unit = await database.BeginAsync(CancellationToken.None))
                await Assert.ThrowsAsync<PostgresException>(() =>
                    unit.QuerySingleAsync<Guid>(insert, new { id = Guid.NewGuid(), title, code }, CancellationToken.None));
            try
            {
                await using var unit = await database.BeginAsync(CancellationToken.None);
                await unit.QuerySingleAsync<Guid>(insert, new { id = Guid.NewGuid(), title = $"good {round}", code = "ok" }, CancellationToken.None);
                await unit.CommitAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                failures.Add($"round {round}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(12, await database.QuerySingleAsync<long>("select count(*) from notes", null, CancellationToken.None));
        await app.StopAsync();
    }
}
