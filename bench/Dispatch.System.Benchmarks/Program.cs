using System.Globalization;
using Dispatch.System.Benchmarks;
using Dispatch.Testing.Processes;
using Dispatch.Testing.Telemetry;

// The whole system against this machine's limits: ./bench.sh system
// Prints figures and their ratio to what the machine does with nothing in the way; asserts no time.
// Needs POSTGRES_URL, RABBITMQ_URL, RABBITMQ_MANAGEMENT_URL (bench.sh starts private servers) and PGBENCH.

if (args is ["--bare-kestrel", var portArgument])
{
    await Limits.RunBareKestrelAsync(int.Parse(portArgument, CultureInfo.InvariantCulture));
    return 0;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
ThreadPool.SetMinThreads(128, 128); // the generator must not be the one queueing
var pgbench = Environment.GetEnvironmentVariable("PGBENCH") is { Length: > 0 } p ? p : "pgbench";
var postgresUrl = Environment.GetEnvironmentVariable("POSTGRES_URL") ?? throw new InvalidOperationException("POSTGRES_URL is not set: run ./bench.sh system");
var rabbitUrl = Environment.GetEnvironmentVariable("RABBITMQ_URL") ?? throw new InvalidOperationException("RABBITMQ_URL is not set: run ./bench.sh system");
var orders = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ORDERS"), out var o) ? o : 1000;
var hallSeconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_HALL_SECONDS"), out var h) ? h : 10;
// Warm-up rounds (publish, race, mirror) that are not measured: a service that has run a while has compiled its hot
// paths to optimised code and grown its connection pools; the figures are for that steady state.
var warmUpOrders = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARM_UP_ORDERS"), out var w) ? w : 400;
const int WarmUpRounds = 2;
const int HallRate = 200;

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average at start {LoadAverage()}");
Console.WriteLine("limits …");
var kestrel = await Limits.BareKestrelAsync(workers: 32, TimeSpan.FromSeconds(5));
Console.WriteLine($"  bare Kestrel: {kestrel.Throughput.PerSecond:F0}/s");
var pg = await Limits.PgbenchConditionalUpdateAsync(pgbench, postgresUrl, clients: SystemRun.Teams, TimeSpan.FromSeconds(8));
Console.WriteLine($"  pgbench conditional update: {pg.Tps:F0}/s");
var rabbit = await Limits.RabbitPublishWithConfirmsAsync(rabbitUrl, publishers: 16, TimeSpan.FromSeconds(5));
var rabbitOne = await Limits.RabbitPublishWithConfirmsAsync(rabbitUrl, publishers: 1, TimeSpan.FromSeconds(3));
Console.WriteLine($"  RabbitMQ publish with confirms: {rabbit.PerSecond:F0}/s (16 publishers), {rabbitOne.PerSecond:F0}/s (one)");

Console.WriteLine("starting the system …");
// A city-wide campaign from one branch account and 64 team accounts: the per-account edge limits would cap it.
var environment = new Dictionary<string, string>
{
    ["RateLimiting__PermitLimit"] = "1000000",
};
// BENCH_PERF_MAP=1: the processes write /tmp/perf-<pid>.map, so `perf record -g -p <pid>` names .NET frames.
// (W^X off too: with it, JIT'd code runs from a second mapping that the perf map's addresses do not name.)
if (Environment.GetEnvironmentVariable("BENCH_PERF_MAP") == "1")
{
    environment["DOTNET_PerfMapEnabled"] = "1";
    environment["DOTNET_EnableWriteXorExecute"] = "0";
}
// BENCH_TELEMETRY=off: OpenTelemetry switched off altogether (OTEL_SDK_DISABLED); on: every span exported over OTLP to a
// receiver here (which only counts them) and /metrics scraped every 15 s, as a monitored deployment runs. Unset (or
// default): as ./run.sh runs by default (trace context made and passed on, nothing recorded or exported, /metrics not scraped).
var telemetry = Environment.GetEnvironmentVariable("BENCH_TELEMETRY");
await using var spans = telemetry == "on" ? await OtlpReceiver.StartAsync(keepSpans: false) : null;
if (telemetry == "off")
    environment["OTEL_SDK_DISABLED"] = "true";
if (spans is not null)
{
    environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = spans.ExporterSettings["OTEL_EXPORTER_OTLP_ENDPOINT"];
    environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
}
Console.WriteLine($"telemetry: {telemetry ?? "default"}");
var system = await DispatchSystem.StartAsync(new DispatchSystemOptions { Environment = environment });
using var scraping = new CancellationTokenSource();
var scraper = spans is null ? Task.CompletedTask : ScrapeAsync(system, scraping.Token);
try
{
    var parts = system.Processes.Select(process => (process.Name, process.ProcessId)).ToList();
    foreach (var (name, variable) in new[] { ("postgres", "BENCH_POSTGRES_PID"), ("rabbitmq", "BENCH_RABBITMQ_PID") })
        if (int.TryParse(Environment.GetEnvironmentVariable(variable), out var pid))
            parts.Add((name, pid));
    parts.Add(("generator", Environment.ProcessId));
    var cpu = new CpuMeter(parts);
    var cpuPerOperation = new List<(string Phase, double[] Ms)>();
    async Task<T> Measured<T>(string phase, int operations, Func<Task<T>> run)
    {
        var before = cpu.Snapshot();
        var result = await run();
        var after = cpu.Snapshot();
        cpuPerOperation.Add((phase, [.. after.Select((a, i) => (a - before[i]) / operations)]));
        return result;
    }

    // Waits until the processes are idle, and says how long that took (or that they never were).
    async Task<string> QuietAsync()
    {
        var settled = await cpu.WaitUntilQuietAsync(busyMsPerSecond: 100, TimeSpan.FromSeconds(90));
        return settled.Quiet
            ? $"quiet {settled.Waited.TotalSeconds:F0} s later"
            : $"NOT quiet after {settled.Waited.TotalSeconds:F0} s (measuring anyway: expect lower figures)";
    }

    var run = new SystemRun(system);
    await run.SetUpStreetAsync();
    Console.WriteLine($"  street with {SystemRun.Teams} hatched teams ready; logs in {Path.GetDirectoryName(system.Processes[0].LogPath)}");
    Console.WriteLine($"  pids: {string.Join(", ", parts.Select(p => $"{p.Item1} {p.Item2}"))}");

    var (direct, viaGateway) = await run.GatewayOverheadAsync(2000);
    Console.WriteLine($"  gateway overhead measured ({direct.Count} pairs)");

    // Two rounds: the runtime starts counting calls to a method only once it has stopped compiling new ones for a
    // moment, so the first round mostly compiles quick code; the second promotes the hot paths to optimised code,
    // and the quiet wait after it lets that background compilation finish before anything is measured.
    async Task<(LoadResult Result, int Won, int Lost, string Check)> WarmUpRoundAsync(int round)
    {
        var (_, warmUpIds) = await run.CreateDraftsAsync(warmUpOrders, workers: 16);
        await run.PublishAsFastAsPossibleAsync(warmUpIds, workers: 32);
        await run.WaitForOrdersAsync(warmUpOrders);
        var race = await run.ClaimRaceAsync(warmUpIds);
        await run.WaitForClaimsMirroredAsync(warmUpOrders * round);
        Console.WriteLine($"  warm-up {round}: {warmUpOrders} published and raced for ({race.Result.PerSecond:F0} claims/s, p99 {Ms(race.Result.P99)}); " +
                          await QuietAsync());
        return race;
    }
    var coldRace = await WarmUpRoundAsync(1);
    for (var round = 2; round <= WarmUpRounds; round++)
        await WarmUpRoundAsync(round);

    var (draftsResult, raceIds) = await run.CreateDraftsAsync(orders, workers: 16);
    var publish = await Measured("publish (32 at a time, until all are in the hall)", orders, async () =>
    {
        var result = await run.PublishAsFastAsPossibleAsync(raceIds, workers: 32);
        await run.WaitForOrdersAsync(orders);
        return result;
    });
    var publishCpuMs = cpuPerOperation[^1].Ms.Sum();
    // The race starts from a quiet system too: work the publishing left behind (flushing, vacuuming) is not the claims'.
    Console.WriteLine($"  {orders} published ({publish.PerSecond:F0}/s) and in the hall; " + await QuietAsync());

    var race = await Measured("claim (per answered claim, until the needs service mirrored them)", 1, async () =>
    {
        var result = await run.ClaimRaceAsync(raceIds);
        await run.WaitForClaimsMirroredAsync(warmUpOrders * WarmUpRounds + orders);
        return result;
    });
    cpuPerOperation[^1] = (cpuPerOperation[^1].Phase, [.. cpuPerOperation[^1].Ms.Select(ms => ms / race.Result.Count)]);
    var claimCpuMs = cpuPerOperation[^1].Ms.Sum();
    // The system's own processes alone (not the servers, nor this generator, which also hosts the OTLP receiver).
    var claimServicesCpuMs = cpuPerOperation[^1].Ms.Take(system.Processes.Count).Sum();
    Console.WriteLine($"  claim race: {race.Check}; " + await QuietAsync());

    var reads = await Measured("read (GET /api/orders/mine, 64 in flight)", 1, () => run.ReadLoopAsync(TimeSpan.FromSeconds(3)));
    cpuPerOperation[^1] = (cpuPerOperation[^1].Phase, [.. cpuPerOperation[^1].Ms.Select(ms => ms / reads.Count)]);
    Console.WriteLine($"  {reads.Count} reads over the claim's hops ({reads.PerSecond:F0}/s, {reads.Failures} failed)");

    var (_, hallIds) = await run.CreateDraftsAsync(HallRate * hallSeconds, workers: 16);
    var hall = await Measured($"publish at {HallRate}/s (until in the hall)", hallIds.Length, () => run.PublishToHallAsync(hallIds, HallRate));
    Console.WriteLine($"  {hallIds.Length} published at {HallRate}/s; {hall.Missing} never reached the hall");

    var memory = system.Processes.Select(process => (process.Name, PeakKb: Memory.PeakKb(process.ProcessId))).ToList();

    Console.WriteLine();
    Console.WriteLine($"load average at end {LoadAverage()} (2 cores shared with other work: compare ratios, repeat runs)");
    var table = new Table();
    table.Section("publishing through the gateway (closed loop, 32 at a time)");
    table.Row("publish rate", $"{publish.PerSecond:F0}/s", $"bare Kestrel {kestrel.Throughput.PerSecond:F0}/s", publish.PerSecond / kestrel.Throughput.PerSecond, "");
    table.Row("publish p50", Ms(publish.P50), $"bare Kestrel {Ms(kestrel.Throughput.P50)}", publish.P50 / kestrel.Throughput.P50, "");
    table.Row("publish p99", Ms(publish.P99), $"bare Kestrel {Ms(kestrel.Throughput.P99)}", publish.P99 / kestrel.Throughput.P99, "");
    table.Row("create draft rate (16 at a time)", $"{draftsResult.PerSecond:F0}/s", "", double.NaN, "");
    table.Section($"publish → hall at {HallRate}/s for {hallSeconds} s (open loop; hall watched every ~2 ms)");
    table.Row("publish → hall p50", Ms(hall.ToHall.P(0.5)), $"RabbitMQ confirm {Ms(rabbitOne.P50)}", hall.ToHall.P(0.5) / rabbitOne.P50, "");
    table.Row("publish → hall p99", Ms(hall.ToHall.P(0.99)), $"RabbitMQ confirm {Ms(rabbitOne.P99)}", hall.ToHall.P(0.99) / rabbitOne.P99, Target(hall.ToHall.P(0.99) < 100, "< 100 ms"));
    table.Row("publish → hall max", Ms(hall.ToHall.P(1)), "", double.NaN, "");
    table.Row("publish answer p50 / p99", $"{Ms(hall.Publish.P50)} / {Ms(hall.Publish.P99)}", "", double.NaN, hall.Publish.Failures + hall.Missing == 0 ? "" : $"{hall.Publish.Failures} failed, {hall.Missing} missing");
    table.Section($"claim race: {SystemRun.Teams} teams over {orders} orders");
    table.Row("claims answered", $"{race.Result.PerSecond:F0}/s", $"pgbench update {pg.Tps:F0}/s", race.Result.PerSecond / pg.Tps, Target(race.Result.PerSecond >= 1500, "≥ 1,500/s"));
    table.Row("claims won", $"{race.Won / race.Result.Elapsed.TotalSeconds:F0}/s ({race.Won} won, {race.Lost} lost, {race.Result.Failures} errors)", "", double.NaN, "");
    table.Row("claim p50", Ms(race.Result.P50), $"pgbench {Ms(pg.Latencies.P(0.5))}", race.Result.P50 / pg.Latencies.P(0.5), "");
    table.Row("claim p99", Ms(race.Result.P99), $"pgbench {Ms(pg.Latencies.P(0.99))}", race.Result.P99 / pg.Latencies.P(0.99), Target(race.Result.P99 < 50, "< 50 ms"));
    table.Row("a read over the same hops instead, 64 in flight", $"{reads.PerSecond:F0}/s, p50 {Ms(reads.P50)}, p99 {Ms(reads.P99)}",
        "claims / reads", race.Result.PerSecond / reads.PerSecond, reads.Failures == 0 ? "" : $"{reads.Failures} failed");
    table.Row("exactly one winner", Failed(race.Check) ? "NO" : "yes", "", double.NaN, race.Check);
    table.Row($"warm-up race over {warmUpOrders} (just after start)", $"{coldRace.Result.PerSecond:F0}/s, p50 {Ms(coldRace.Result.P50)}, p99 {Ms(coldRace.Result.P99)}", "", double.NaN, coldRace.Check);
    table.Section("gateway overhead: GET /api/orders/mine, one at a time, direct vs through the gateway");
    var overhead = viaGateway.P(0.5) - direct.P(0.5);
    table.Row("direct p50 / p99", $"{Ms(direct.P(0.5))} / {Ms(direct.P(0.99))}", $"bare Kestrel {Ms(kestrel.Sequential.P50)}", direct.P(0.5) / kestrel.Sequential.P50, "");
    table.Row("gateway p50 / p99", $"{Ms(viaGateway.P(0.5))} / {Ms(viaGateway.P(0.99))}", "", double.NaN, "");
    table.Row("gateway adds at p50", Ms(overhead), $"bare Kestrel {Ms(kestrel.Sequential.P50)}", overhead / kestrel.Sequential.P50, Target(overhead < 1, "< 1 ms"));
    table.Section("peak memory (VmHWM)");
    foreach (var (name, peakKb) in memory)
        table.Row(name, Mb(peakKb), $"bare Kestrel {Mb(kestrel.PeakKb)}", (double)peakKb / kestrel.PeakKb, Target(peakKb < 200 * 1024, "< 200 MB"));
    table.Section("CPU time per operation, by part (user + system, from /proc; 2 cores give 2,000 ms a second)");
    foreach (var (phase, ms) in cpuPerOperation)
    {
        var total = ms.Sum();
        table.Row(phase, $"{total:F2} ms", string.Join(", ", cpu.Parts.Select((p, i) => $"{p.Name} {ms[i]:F2}")), double.NaN, $"ceiling ≈ {2000 / total:F0}/s");
    }
    table.Section("limits (same generator, same run)");
    table.Row("bare Kestrel GET, 32 at a time", $"{kestrel.Throughput.PerSecond:F0}/s", $"p50 {Ms(kestrel.Throughput.P50)}, p99 {Ms(kestrel.Throughput.P99)}", double.NaN, "");
    table.Row("bare Kestrel GET, one at a time", $"p50 {Ms(kestrel.Sequential.P50)}", $"p99 {Ms(kestrel.Sequential.P99)}", double.NaN, "");
    table.Row($"pgbench conditional update, {SystemRun.Teams} clients", $"{pg.Tps:F0}/s", $"p50 {Ms(pg.Latencies.P(0.5))}, p99 {Ms(pg.Latencies.P(0.99))}", double.NaN, "");
    table.Row("RabbitMQ.Client publish + confirm, 16 channels", $"{rabbit.PerSecond:F0}/s", $"p50 {Ms(rabbit.P50)}, p99 {Ms(rabbit.P99)}", double.NaN, "");
    table.Row("RabbitMQ.Client publish + confirm, one", $"{rabbitOne.PerSecond:F0}/s", $"p50 {Ms(rabbitOne.P50)}, p99 {Ms(rabbitOne.P99)}", double.NaN, "");
    table.Print();

    // BENCH_SUMMARY=file: one line of the headline figures appended, for `./bench.sh compare` to take medians of.
    if (Environment.GetEnvironmentVariable("BENCH_SUMMARY") is { Length: > 0 } summaryFile)
    {
        await File.AppendAllTextAsync(summaryFile, string.Join(' ',
            $"claims/s={race.Result.PerSecond:F0}", $"claim_p99_ms={race.Result.P99:F1}", $"claim_cpu_ms={claimCpuMs:F2}", $"claim_services_cpu_ms={claimServicesCpuMs:F2}",
            $"reads/s={reads.PerSecond:F0}", $"read_p99_ms={reads.P99:F1}",
            $"publish/s={publish.PerSecond:F0}", $"publish_cpu_ms={publishCpuMs:F2}", $"hall_p99_ms={hall.ToHall.P(0.99):F1}",
            $"gateway_adds_ms={overhead:F2}", $"peak_mb={memory.Max(m => m.PeakKb) / 1024}") + Environment.NewLine);
    }
    return Failed(race.Check) || Failed(coldRace.Check) ? 1 : 0;
}
finally
{
    await scraping.CancelAsync();
    await scraper;
    if (spans is not null)
        Console.WriteLine($"telemetry: {spans.SpanCount} spans exported");
    await system.DisposeAsync();
}

// What a Prometheus does to every process of a monitored deployment: one scrape each every 15 s.
static async Task ScrapeAsync(DispatchSystem system, CancellationToken ct)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    try
    {
        while (!ct.IsCancellationRequested)
        {
            foreach (var process in system.Processes)
                await http.GetStringAsync(new Uri(process.MetricsAddress, "/metrics"), ct);
            await Task.Delay(TimeSpan.FromSeconds(15), ct);
        }
    }
    catch (OperationCanceledException)
    {
        // the run is over
    }
}

static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms < 10 ? $"{ms:F2} ms" : $"{ms:F1} ms";
static string Mb(long kb) => $"{kb / 1024.0:F0} MB";
static bool Failed(string check) => check.StartsWith("FAILED", StringComparison.Ordinal);
static string Target(bool met, string target) => $"{target} {(met ? "met" : "MISSED")}";
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

internal sealed class Table
{
    private readonly List<string[]?> _rows = [];

    public void Section(string title) => _rows.Add([title]);

    public void Row(string figure, string value, string limit, double ratio, string target) =>
        _rows.Add([figure, value, limit, double.IsNaN(ratio) || double.IsInfinity(ratio) ? "" : $"{ratio:F2}×", target]);

    public void Print()
    {
        var widths = new int[5];
        foreach (var row in _rows.Where(r => r is { Length: 5 }))
            for (var i = 0; i < 5; i++)
                widths[i] = Math.Max(widths[i], row![i].Length);
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        Console.WriteLine(Line(["figure", "system", "limit", "ratio", "target"]));
        foreach (var row in _rows)
        {
            if (row is { Length: 1 })
                Console.WriteLine(row[0]);
            else
                Console.WriteLine(Line(row!));
        }
    }
}
