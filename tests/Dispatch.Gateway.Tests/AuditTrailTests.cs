using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Gateway.Audit;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// The audit trail's table is append-only for everyone, its owner included, and loses only what retention removes; the
/// gateway records its own sign-ins and account changes through its outbox and broker like every other process.
/// </summary>
public sealed class AuditTrailTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task No_entry_can_be_changed_or_deleted_and_none_younger_than_180_days_removed()
    {
        await using var data = NpgsqlDataSource.Create(gateway.DatabaseConnectionString);
        var id = await InsertAsync(data, storedDaysAgo: 10);

        foreach (var sql in new[]
        {
            "update audit_entries set username = 'someone-else' where entry_id = @id",
            "delete from audit_entries where entry_id = @id",
            "truncate audit_entries",
        })
        {
            await using var command = data.CreateCommand(sql);
            command.Parameters.AddWithValue("id", id);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await using var count = data.CreateCommand("select count(*) from audit_entries where entry_id = @id and username = 'tester'");
        count.Parameters.AddWithValue("id", id);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Retention_removes_only_the_entries_older_than_it()
    {
        await using var data = NpgsqlDataSource.Create(gateway.DatabaseConnectionString);
        var old = await InsertAsync(data, storedDaysAgo: 400);
        var kept = await InsertAsync(data, storedDaysAgo: 200);

        var removed = await gateway.Services.GetRequiredService<AuditStore>().PurgeAsync(TimeSpan.FromDays(365), CancellationToken.None);

        Assert.True(removed >= 1);
        await using var left = data.CreateCommand("select entry_id from audit_entries where entry_id = any(@ids)");
        left.Parameters.AddWithValue("ids", new[] { old, kept });
        Assert.Equal(kept, await left.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failed_sign_in_and_an_account_change_are_found_by_the_admin_and_exported()
    {
        var stranger = $"nobody-{Guid.NewGuid():N}"[..24];
        using var from = gateway.ClientFrom("198.51.100.23");
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await from.PostAsJsonAsync("/api/auth/token", new { username = stranger, password = "not-the-password-1" })).StatusCode);
        using var admin = gateway.ClientWithToken(await gateway.CreateClient().TokenAsync("admin", GatewayFactory.AdminPassword));

        var found = await Eventually.ReturnsAsync(
            async () => await admin.GetFromJsonAsync<JsonObject>($"/api/audit?action=sign_in.failed&username={stranger}"),
            page => page?["total"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), "the failed sign-in should reach the audit trail");
        var entry = found!["items"]![0]!;
        Assert.Equal(("gateway", "198.51.100.23"), (entry["service"]!.GetValue<string>(), entry["clientAddress"]!.GetValue<string>()));
        Assert.Matches("^[0-9a-f]{32}$", entry["traceId"]!.GetValue<string>());

        var csv = await admin.GetAsync($"/api/audit/export?username={stranger}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时间,服务,操作,账号", lines[0]);
        Assert.Contains(lines.Skip(1), line => line.Contains(stranger) && line.Contains(AuditActions.SignInFailed) && line.Contains("198.51.100.23"));
    }

    [Fact]
    public async Task Only_an_admin_reads_the_trail_and_a_bad_search_is_a_400()
    {
        using var coordinator = gateway.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), Guid.NewGuid()));
        using var admin = gateway.ClientWithToken(await gateway.CreateClient().TokenAsync("admin", GatewayFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/audit/export")).StatusCode);
        foreach (var bad in new[] { "action=nothing", "traceId=xyz", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "page=0", "subjectId=abc" })
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/audit?{bad}")).StatusCode);
    }

    private static async Task<Guid> InsertAsync(NpgsqlDataSource data, int storedDaysAgo)
    {
        var id = Guid.CreateVersion7();
        await using var command = data.CreateCommand("""
            insert into audit_entries (entry_id, at, stored_at, service, action, username)
            values (@id, now() - make_interval(days => @days), now() - make_interval(days => @days), 'tests', 'sign_in.failed', 'tester')
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("days", storedDaysAgo);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
