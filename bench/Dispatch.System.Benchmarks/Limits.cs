using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dispatch.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

namespace Dispatch.System.Benchmarks;

/// <summary>What this machine can do at all, measured with the same load generator as the system.</summary>
internal static class Limits
{
    /// <summary>A Kestrel process with one endpoint and nothing else: the most any HTTP request here can do.</summary>
    public static async Task RunBareKestrelAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/plain", () => Results.Json(new { ok = true }));
        await app.RunAsync();
    }

    public static async Task<(LoadResult Throughput, LoadResult Sequential, long PeakKb)> BareKestrelAsync(int workers, TimeSpan duration)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(Limits).Assembly.Location, "--bare-kestrel", port.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false };
        using var process = Process.Start(start)!;
        try
        {
            var url = new Uri($"http://127.0.0.1:{port}/plain");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    if ((await Http.SendAsync(HttpMethod.Get, url)).Status == HttpStatusCode.OK)
                        break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }
                await Task.Delay(100);
            }
            await Load.ClosedLoopAsync(workers, async _ => (await Http.SendAsync(HttpMethod.Get, url)).Status == HttpStatusCode.OK, duration: TimeSpan.FromSeconds(2)); // warm-up
            var result = await Load.ClosedLoopAsync(workers, async _ => (await Http.SendAsync(HttpMethod.Get, url)).Status == HttpStatusCode.OK, duration: duration);
            var sequential = await Load.ClosedLoopAsync(1, async _ => (await Http.SendAsync(HttpMethod.Get, url)).Status == HttpStatusCode.OK, total: 2000);
            return (result, sequential, Memory.PeakKb(process.Id));
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// pgbench with a custom script: the claim's conditional update alone
    /// (<c>update … where id = :id and status = 'published'</c>), prepared, on the same server.
    /// </summary>
    public static async Task<(double Tps, Latencies Latencies)> PgbenchConditionalUpdateAsync(string pgbench, string postgresUrl, int clients, TimeSpan duration)
    {
        var builder = PostgresConnectionString.Parse(postgresUrl);
        var database = $"bench_limits_{Guid.NewGuid():N}"[..26];
        builder.Database = "postgres";
        builder.Pooling = false;
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var target = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = database };
        await using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            await connection.OpenAsync();
            await using var setup = new NpgsqlCommand("""
                create table claim_limit (id int primary key, status text not null, team_id int, version int not null default 1);
                insert into claim_limit (id, status) select g, 'published' from generate_series(1, 100000) g;
                """, connection);
            await setup.ExecuteNonQueryAsync();
            await using var vacuum = new NpgsqlCommand("vacuum analyze claim_limit", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        var folder = Directory.CreateTempSubdirectory("pgbench-");
        try
        {
            var script = Path.Combine(folder.FullName, "claim.sql");
            await File.WriteAllTextAsync(script, """
                \set id random(1, 100000)
                \set team random(1, 64)
                update claim_limit set status = 'claimed', team_id = :team, version = version + 1 where id = :id and status = 'published';

                """);
            var start = new ProcessStartInfo(pgbench)
            {
                ArgumentList =
                {
                    "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                    "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script,
                    "-l", "--log-prefix", Path.Combine(folder.FullName, "log"),
                    "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, database,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            start.Environment["PGPASSWORD"] = builder.Password ?? "";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {errors}{output}");
            var tpsLine = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            var tps = double.Parse(tpsLine["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);

            // Each log line: client_id transaction_no latency_us script_no epoch_s epoch_us.
            var latencies = new Latencies();
            foreach (var file in Directory.GetFiles(folder.FullName, "log.*"))
                foreach (var line in await File.ReadAllLinesAsync(file))
                {
                    var fields = line.Split(' ');
                    if (fields.Length >= 3 && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var micros))
                        latencies.Add(micros / 1000.0);
                }
            return (tps, latencies);
        }
        finally
        {
            folder.Delete(recursive: true);
            await using var admin = new NpgsqlConnection(builder.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>RabbitMQ.Client alone: persistent messages to a quorum queue, each publish awaiting its confirm.</summary>
    public static async Task<LoadResult> RabbitPublishWithConfirmsAsync(string amqpUrl, int publishers, TimeSpan duration)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync("bench-limit");
        var queue = $"bench-limit-{Guid.NewGuid():N}";
        var channels = new List<IChannel>();
        try
        {
            for (var i = 0; i < publishers; i++)
                channels.Add(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
            await channels[0].QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            var body = new byte[600]; // about the size of a NeedPublished event
            Random.Shared.NextBytes(body);
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
            var next = -1;
            async Task<bool> PublishAsync(int _)
            {
                var channel = channels[Interlocked.Increment(ref next) % publishers];
                await channel.BasicPublishAsync("", queue, mandatory: false, properties, body);
                return true;
            }
            await Load.ClosedLoopAsync(publishers, PublishAsync, duration: TimeSpan.FromSeconds(1));
            return await Load.ClosedLoopAsync(publishers, PublishAsync, duration: duration);
        }
        finally
        {
            if (channels.Count > 0)
                await channels[0].QueueDeleteAsync(queue);
            foreach (var channel in channels)
                await channel.DisposeAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class Memory
{
    /// <summary>Peak resident set size (VmHWM) of a process, in kB; 0 if it cannot be read.</summary>
    public static long PeakKb(int processId) => Field(processId, "VmHWM:");

    public static long ResidentKb(int processId) => Field(processId, "VmRSS:");

    private static long Field(int processId, string name)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>
/// CPU time (user + system) spent by each part of the system, from /proc: the processes themselves, and for
/// PostgreSQL and RabbitMQ (when bench.sh started them and passed their pids) the server with its children.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<(string Name, int Pid)> parts)
{
    /// <summary>The generator started the services: its children are counted as themselves, not as the generator.</summary>
    public static readonly int Self = Environment.ProcessId;

    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    public IReadOnlyList<(string Name, int Pid)> Parts => parts;

    public double[] Snapshot() => [.. parts.Select(p => Milliseconds(p.Pid))];

    /// <summary>
    /// Waits until the parts other than the generator use less than <paramref name="busyMsPerSecond"/> of CPU
    /// in a second: after a warm-up the runtime still compiles hot methods to optimised code in the background
    /// (tiered compilation), and a measurement taken meanwhile pays for that too. Returns how long it took.
    /// </summary>
    /// <summary>Waits until the parts together use less than <paramref name="busyMsPerSecond"/>; says whether they did before the timeout.</summary>
    public async Task<(TimeSpan Waited, bool Quiet)> WaitUntilQuietAsync(double busyMsPerSecond, TimeSpan timeout)
    {
        var window = TimeSpan.FromSeconds(1); // the CPU the parts used is compared over windows of this length
        var clock = Stopwatch.StartNew();
        var before = Snapshot();
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(window);
            var after = Snapshot();
            var busy = parts.Select((p, i) => p.Pid == Self ? 0 : after[i] - before[i]).Sum() / window.TotalSeconds;
            if (busy < busyMsPerSecond)
                return (clock.Elapsed, true);
            before = after;
        }
        return (clock.Elapsed, false);
    }

    public static double Milliseconds(int pid)
    {
        if (pid == Self)
            return Ticks(pid, withReapedChildren: false) / TicksPerMs;
        long ticks = Ticks(pid, withReapedChildren: true);
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName))
            {
                if (!int.TryParse(task, CultureInfo.InvariantCulture, out var child) || child == pid)
                    continue;
                if (ParentOf(child) == pid)
                    ticks += Ticks(child, withReapedChildren: true);
            }
        }
        catch (IOException)
        {
        }
        return ticks / TicksPerMs;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command may contain spaces: the fields after it start past the last ')'.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ParentOf(int pid) => Stat(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : -1;

    // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    private static long Ticks(int pid, bool withReapedChildren) => Stat(pid) is { } f
        ? long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
          + (withReapedChildren ? long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture) : 0)
        : 0;
}
