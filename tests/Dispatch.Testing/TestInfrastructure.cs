using System.Net.Http.Headers;
using System.Text;
using Dispatch.ServiceDefaults.Data;
using Npgsql;

namespace Dispatch.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ that <c>./test.sh</c> starts (or that POSTGRES_URL,
/// RABBITMQ_URL and RABBITMQ_MANAGEMENT_URL name). Each test fixture gets its own database and its
/// own RabbitMQ virtual host, so fixtures running side by side never see each other's rows or messages.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresUrl => Required("POSTGRES_URL");
    public static string RabbitMqUrl => Required("RABBITMQ_URL");
    public static string RabbitMqManagementUrl => Required("RABBITMQ_MANAGEMENT_URL");

    /// <summary>
    /// Where a test keeps servers of its own (a Prometheus, a whole ./run.sh): DISPATCH_TEST_DATA_DIR (./test.sh sets
    /// it to .data/test), else a folder of the temporary directory.
    /// </summary>
    public static string DataDirectory(string name)
    {
        var root = Environment.GetEnvironmentVariable("DISPATCH_TEST_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "dispatch-test");
        var directory = Path.Combine(root, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The servers ./test.sh shares between every test project.</summary>
    public static Servers Shared => new(PostgresUrl, RabbitMqUrl, RabbitMqManagementUrl);

    /// <summary>A connection string to a database that does not exist yet; the service's migrator creates it.</summary>
    public static string NewDatabase(string prefix, Servers? servers = null)
    {
        var builder = PostgresConnectionString.Parse(servers?.PostgresUrl ?? PostgresUrl);
        builder.Database = $"test_{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 38)];
        return builder.ConnectionString;
    }

    /// <summary>Creates an empty database now (for store tests that apply migrations themselves).</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var connectionString = NewDatabase(prefix);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>Creates a fresh virtual host and returns the amqp:// URL that uses it.</summary>
    public static async Task<string> NewVirtualHostAsync(string prefix, Servers? servers = null)
    {
        var vhost = $"test-{prefix}-{Guid.NewGuid():N}";
        var management = new Uri(servers?.RabbitMqManagementUrl ?? RabbitMqManagementUrl);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var userInfo = Uri.UnescapeDataString(management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        var user = userInfo.Split(':')[0];

        (await http.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/permissions/{vhost}/{user}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var broker = new UriBuilder(servers?.RabbitMqUrl ?? RabbitMqUrl) { Path = "/" + Uri.EscapeDataString(vhost) };
        return broker.Uri.ToString();
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts PostgreSQL and RabbitMQ and sets it.");
}

/// <summary>A PostgreSQL server (postgres:// URL) and a RabbitMQ broker (amqp:// URL and its management API).</summary>
public sealed record Servers(string PostgresUrl, string RabbitMqUrl, string RabbitMqManagementUrl);
