namespace Dispatch.Reliability.Tests;

/// <summary>The whole system on the fault tests' private servers, started once per test class.</summary>
public abstract class FaultSystem(FaultServers servers, int replicas) : IAsyncLifetime
{
    /// <summary>
    /// Settings that keep the tests short, not ones that make faults easier: retries 50–400 ms instead of
    /// 0.1–5 s (still bounded), no gateway rate limit (the burst is one client), a short circuit break,
    /// escalation steps of seconds instead of hours.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Messaging__RetryIntervalsMs__0"] = "50",
        ["Messaging__RetryIntervalsMs__1"] = "100",
        ["Messaging__RetryIntervalsMs__2"] = "200",
        ["Messaging__RetryIntervalsMs__3"] = "400",
        ["RateLimiting__PermitLimit"] = "1000000",
        ["CircuitBreaker__BreakDuration"] = "00:00:01",
        ["Escalation__StepWindow"] = "00:00:02",
        ["Escalation__PollInterval"] = "00:00:00.300",
    };

    public FaultServers Servers => servers;
    public DispatchSystem System { get; private set; } = null!;
    public Broker Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System = await DispatchSystem.StartAsync(new DispatchSystemOptions { Servers = servers.Servers, Replicas = replicas, Environment = Settings });
        Broker = new Broker(System, servers.Servers);
        await Broker.StartTapAsync();
    }

    /// <summary>Every process answers ready again (after a fault an earlier test injected).</summary>
    public async Task AllReadyAsync()
    {
        await servers.EnsureRunningAsync();
        foreach (var process in System.Processes)
        {
            if (process.HasExited)
                process.Restart();
            await DispatchSystem.WaitReadyAsync(process);
        }
    }

    public async Task DisposeAsync()
    {
        if (System is not null)
            await System.DisposeAsync();
    }
}

public sealed class OneOfEach(FaultServers servers) : FaultSystem(servers, replicas: 1);

public sealed class TwoOfEach(FaultServers servers) : FaultSystem(servers, replicas: 2);
