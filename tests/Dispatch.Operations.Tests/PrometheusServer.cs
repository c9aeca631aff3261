using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.Operations.Tests;

/// <summary>
/// Debian's Prometheus (/usr/bin/prometheus, which ./test.sh installs), started privately under the test data folder,
/// scraping the given targets every second and evaluating the given rule file; asked through its HTTP API.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, Uri address, string directory)
    {
        _process = process;
        Directory = directory;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Directory { get; }

    /// <param name="targets">Each job's targets (host:port of /metrics).</param>
    /// <param name="rules">Prometheus rule files' text (groups: …), evaluated every second.</param>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, IReadOnlyList<Uri>> targets, string? rules = null)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: ./test.sh installs Debian's prometheus package");
        var directory = TestInfrastructure.DataDirectory("prometheus");
        var jobs = string.Join("\n", targets.Select(job => $$"""
              - job_name: {{job.Key}}
                static_configs:
                  - targets: [{{string.Join(", ", job.Value.Select(t => $"\"{t.Authority}\""))}}]
                    labels: { namespace: dispatch }
            """));
        var ruleFiles = rules is null ? "" : "rule_files: [rules.yaml]";
        if (rules is not null)
            await File.WriteAllTextAsync(Path.Combine(directory, "rules.yaml"), rules);
        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), $$"""
            global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }
            {{ruleFiles}}
            scrape_configs:
            {{jobs}}
            """);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(Binary)
            {
                ArgumentList =
                {
                    $"--config.file={Path.Combine(directory, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                    $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
                },
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start)!;
            var log = File.CreateText(Path.Combine(directory, "prometheus.log"));
            process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
            process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var server = new PrometheusServer(process, new Uri($"http://127.0.0.1:{port}"), directory);
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    if (process.HasExited)
                        throw new InvalidOperationException($"prometheus exited ({process.ExitCode}); see {directory}/prometheus.log");
                    try
                    {
                        return (await server._http.GetAsync("/-/ready")).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                }, TimeSpan.FromSeconds(60), "prometheus should become ready");
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync(); // most likely the port was taken meanwhile: another one
            }
        }
    }

    /// <summary>An instant query; the result vector's samples (labels, value).</summary>
    public async Task<IReadOnlyList<(JsonObject Labels, double Value)>> QueryAsync(string promql)
    {
        var body = JsonNode.Parse(await _http.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}"))!;
        Assert.Equal("success", (string?)body["status"]);
        return body["data"]!["result"]!.AsArray().Select(r => (r!["metric"]!.AsObject(),
            double.Parse((string)r["value"]![1]!, CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The single value of <paramref name="promql"/> (an aggregate), or null when it has no sample.</summary>
    public async Task<double?> ValueAsync(string promql) => (await QueryAsync(promql)) is [var only] ? only.Value : null;

    /// <summary>Targets that Prometheus currently scrapes successfully, by job.</summary>
    public async Task<IReadOnlyList<string>> HealthyJobsAsync() =>
        (await QueryAsync("up == 1")).Select(s => (string)s.Labels["job"]!).Distinct().Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Path.Combine(Directory, "data"), recursive: true);
        }
        catch (IOException)
        {
            // left for the next run's clean-up of .data/test
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
