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
