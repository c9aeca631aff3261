using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Dispatch.ServiceDefaults.Data;
using Npgsql;

namespace Dispatch.Reliability.Tests;

/// <summary>
/// A private PostgreSQL and RabbitMQ that only the fault tests use, so that stopping and restarting
/// them never disturbs the other test projects on the servers ./test.sh shares. They run under
/// <c>.data/test/faults</c> on their own fixed ports (19400 and up), driven by fault-servers.sh, which
/// stops them when this process ends (and infra.sh stops a leftover of a killed run at the next start).
/// </summary>
public sealed class FaultServers : IAsyncLifetime
{
    private Process _controller = null!;
    private StreamWriter _stderr = null!;
    private bool _postgresDown;
    private bool _rabbitMqDown;

    public Servers Servers { get; private set; } = null!;

    /// <summary>The private PostgreSQL's log (every failed statement is in it).</summary>
    public static string PostgresLog => Path.Combine(Build.RepositoryRoot, ".data/test/faults/logs/postgres.log");

    /// <summary>How many lines of the PostgreSQL log contain <paramref name="text"/>.</summary>
    public static int PostgresLogLines(string text)
    {
        using var stream = new FileStream(PostgresLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
                count++;
        }
        return count;
    }

    public async Task InitializeAsync()
    {
        var root = Build.RepositoryRoot;
        var ports = FreePorts();
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(root, "tests/Dispatch.Reliability.Tests/fault-servers.sh"), root, Path.Combine(root, ".data/test/faults") },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DISPATCH_PG_PORT"] = ports[0].ToString();
        start.Environment["DISPATCH_RABBITMQ_PORT"] = ports[1].ToString();
        start.Environment["DISPATCH_RABBITMQ_MANAGEMENT_PORT"] = ports[2].ToString();
        start.Environment["DISPATCH_RABBITMQ_DIST_PORT"] = ports[3].ToString();
        start.Environment["DISPATCH_EPMD_PORT"] = ports[4].ToString();
        start.Environment["INFRA_LOCK_WAIT"] = "300";

        Directory.CreateDirectory(Path.Combine(root, ".data/test/faults/logs"));
        _stderr = new StreamWriter(Path.Combine(root, ".data/test/faults/logs/fault-servers.log"), append: true) { AutoFlush = true };
        _controller = new Process { StartInfo = start };
        _controller.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (_stderr) _stderr.WriteLine(e.Data);
        };
        _controller.Start();
        _controller.BeginErrorReadLine();

        var postgres = await CommandAsync("start-postgres");
        var rabbit = (await CommandAsync("start-rabbitmq")).Split(' ');
        Servers = new Servers(postgres, rabbit[0], rabbit[1]);
        await ForgetEarlierRunsAsync();
    }

    /// <summary>Drops the databases and virtual hosts earlier runs left, so the private servers do not grow.</summary>
    private async Task ForgetEarlierRunsAsync()
    {
        var maintenance = PostgresConnectionString.Parse(Servers.PostgresUrl);
        maintenance.Database = "postgres";
        maintenance.Pooling = false;
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var database in await connection.QueryAsync<string>(@"select datname from pg_database where datname like 'test\_%'"))
                await connection.ExecuteAsync($"drop database if exists \"{database}\" with (force)");
        }

        var management = new Uri(Servers.RabbitMqManagementUrl);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var vhosts = JsonNode.Parse(await http.GetStringAsync("/api/vhosts?columns=name"))!.AsArray().Select(v => v!["name"]!.GetValue<string>());
        foreach (var vhost in vhosts.Where(v => v.StartsWith("test-", StringComparison.Ordinal)))
            await http.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(vhost)}");
    }

    public async Task StopPostgresAsync()
    {
        _postgresDown = true;
        await CommandAsync("stop-postgres");
    }

    public async Task StartPostgresAsync()
    {
        await CommandAsync("start-postgres");
        _postgresDown = false;
        // The test's own pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task StopRabbitMqAsync()
    {
        _rabbitMqDown = true;
        await CommandAsync("stop-rabbitmq");
    }

    public async Task StartRabbitMqAsync()
    {
        await CommandAsync("start-rabbitmq");
        _rabbitMqDown = false;
    }

    /// <summary>Starts whatever a failed test left stopped, so the next test begins with both servers up.</summary>
    public async Task EnsureRunningAsync()
    {
        if (_postgresDown)
            await StartPostgresAsync();
        if (_rabbitMqDown)
            await StartRabbitMqAsync();
    }

    private async Task<string> CommandAsync(string command)
    {
        await _controller.StandardInput.WriteLineAsync(command);
        await _controller.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var answer = await _controller.StandardOutput.ReadLineAsync(timeout.Token)
                     ?? throw new InvalidOperationException($"fault-servers.sh ended during {command}; see .data/test/faults/logs/fault-servers.log");
        if (!answer.StartsWith("ok", StringComparison.Ordinal))
            throw new InvalidOperationException($"fault-servers.sh: {answer}; see .data/test/faults/logs/fault-servers.log");
        return answer.Length > 3 ? answer[3..] : "";
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _controller.StandardInput.WriteLineAsync("quit");
            _controller.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await _controller.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _controller.Kill(entireProcessTree: true);
        }
        _controller.Dispose();
        lock (_stderr)
            _stderr.Dispose();
    }

    /// <summary>
    /// PostgreSQL, AMQP, management, Erlang distribution and epmd ports, all free: 194x0 + k. Below the kernel's ephemeral
    /// range (32768 and up) and the test systems' own ports (the 12,000 below it), so nothing else takes one while its server
    /// is stopped for a fault.
    /// </summary>
    private static int[] FreePorts()
    {
        for (var k = 0; k < 10; k++)
        {
            int[] ports = [19400 + k, 19410 + k, 19420 + k, 19430 + k, 19440 + k];
            if (ports.All(IsFree))
                return ports;
        }
        throw new InvalidOperationException("No free ports for the fault tests' servers in 19400-19449.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServers>
{
    public const string Name = "fault servers";
}
