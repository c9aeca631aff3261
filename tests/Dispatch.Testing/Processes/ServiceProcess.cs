using System.Diagnostics;

namespace Dispatch.Testing.Processes;

/// <summary>
/// One service of the system running as its own process, its output kept in a log file. Fault tests
/// may kill it (SIGKILL), stop it (SIGTERM) and start it again on the same port with the same settings.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly StreamWriter _log;
    private Process _process;

    public string Name { get; }
    public Uri BaseAddress { get; }

    /// <summary>Where the process serves <c>/metrics</c>: its own address, or the port of its own the gateway has.</summary>
    public Uri MetricsAddress { get; }

    public string LogPath { get; }

    private ServiceProcess(string name, Uri baseAddress, Uri metricsAddress, ProcessStartInfo start, StreamWriter log, string logPath)
    {
        Name = name;
        BaseAddress = baseAddress;
        MetricsAddress = metricsAddress;
        _start = start;
        _log = log;
        LogPath = logPath;
        _process = Launch();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (for /proc figures such as peak memory).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The exit code of the last run, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the process on <paramref name="port"/>; with <paramref name="metricsPort"/>, its <c>/metrics</c> there (<c>Metrics__Port</c>).</summary>
    public static ServiceProcess Start(string name, string assemblyPath, int port, IReadOnlyDictionary<string, string> environment, string logDirectory,
        int? metricsPort = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var metricsAddress = metricsPort is { } own ? new Uri($"http://127.0.0.1:{own}") : baseAddress;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assemblyPath, "--urls", baseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        if (metricsPort is not null)
            start.Environment["Metrics__Port"] = metricsPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{name}.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        return new ServiceProcess(name, baseAddress, metricsAddress, start, log, logPath);
    }

    private Process Launch()
    {
        var process = new Process { StartInfo = _start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(_log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(_log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }

    public string LogText()
    {
        lock (_log)
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        await SignalAsync("KILL");
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM (what Kubernetes sends before a pod goes away) without waiting for the exit.</summary>
    public Task TerminateAsync() => _process.HasExited ? Task.CompletedTask : SignalAsync("TERM");

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Starts the process again with the same settings and port, once the last run has exited.</summary>
    public void Restart()
    {
        if (!_process.HasExited)
            throw new InvalidOperationException($"{Name} is still running; kill or stop it first.");
        Write(_log, $"----- {Name} restarted by the test at {DateTime.UtcNow:O} -----");
        _process.Dispose();
        _process = Launch();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop as a deployment would (SIGTERM), and kills it if it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SignalAsync("TERM");
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(20)))
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
