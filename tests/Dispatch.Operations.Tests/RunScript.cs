using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dispatch.Testing;

namespace Dispatch.Operations.Tests;

/// <summary>
/// ./run.sh as a person runs it on one machine: its own data folder and private PostgreSQL, on the test's RabbitMQ
/// (a virtual host of its own, as RABBITMQ_URL allows), on free ports, with the build ./test.sh already made.
/// </summary>
internal sealed class RunScript(string dataDirectory)
{
    // Six different ports (gateway, PostgreSQL, three services, the gateway's metrics), all held at once while chosen.
    private readonly int[] _ports = FreePorts(6);

    public string DataDirectory => dataDirectory;

    public int GatewayPort => _ports[0];

    private int PostgresPort => _ports[1];

    private int[] ServicePorts => _ports[2..];

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>The admin's password as run.sh generated and keeps it.</summary>
    public string AdminPassword => File.ReadAllText(Path.Combine(dataDirectory, "admin-password")).Trim();

    /// <summary>Starts the system on <paramref name="broker"/>; returns once the gateway is ready.</summary>
    public async Task<Process> StartAsync(string broker)
    {
        var process = Start([], broker);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"run.sh exited ({process.ExitCode}): {Output(process)}");
            try
            {
                return (await http.GetAsync(new Uri(Gateway, "/health/ready"))).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(4), "./run.sh should start the system");
        return process;
    }

    /// <summary>
    /// Stops run.sh as a service manager does, with SIGTERM, which run.sh traps as it traps Ctrl-C: it stops the
    /// services and its PostgreSQL. Not SIGINT: a shell starts background commands with SIGINT ignored, and a signal
    /// ignored on entry cannot be trapped, so under a backgrounded ./test.sh run.sh would never hear it.
    /// </summary>
    public static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Leave nothing running behind a failed test: its services would hold ports and the test run's locks.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./run.sh did not stop within 2 minutes of SIGTERM: {Output(process)}");
        }
    }

    /// <summary>Runs ./run.sh with <paramref name="arguments"/> to its end; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments, broker: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, Output(process));
    }

    private Process Start(string[] arguments, string? broker)
    {
        var start = new ProcessStartInfo(Path.Combine(Build.RepositoryRoot, "run.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Build.RepositoryRoot,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Its own PostgreSQL (the one it backs up), never the shared one of ./test.sh.
        start.Environment.Remove("POSTGRES_URL");
        start.Environment.Remove("POSTGRES_SOCKET_DIR");
        start.Environment["DISPATCH_DATA_DIR"] = dataDirectory;
        start.Environment["DISPATCH_SKIP_BUILD"] = "1";
        start.Environment["DISPATCH_PG_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DISPATCH_GATEWAY_PORT"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DISPATCH_NEEDS_PORT"] = ServicePorts[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DISPATCH_TEAMS_PORT"] = ServicePorts[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DISPATCH_MATCHING_PORT"] = ServicePorts[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DISPATCH_GATEWAY_METRICS_PORT"] = ServicePorts[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (broker is not null)
            start.Environment["RABBITMQ_URL"] = broker;
        var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        Outputs.Add(process, output);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Process, StringBuilder> Outputs = new();

    public static string Output(Process process)
    {
        if (!Outputs.TryGetValue(process, out var output))
            return "";
        lock (output)
            return output.ToString();
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var listener in listeners)
                listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Dispose();
        }
    }
}
