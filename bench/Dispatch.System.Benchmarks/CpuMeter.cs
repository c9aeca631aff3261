using System.Diagnostics;
using System.Globalization;

namespace Dispatch.System.Benchmarks;

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
