using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// One replica of a service on a real loopback port: ready, and answering every <c>/api/…</c> request with its name,
/// or, when it hangs, never answering them (until the caller gives up).
/// </summary>
public sealed class FakeReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    public string Name { get; }

    public Uri Address { get; }

    private FakeReplica(string name, WebApplication app, Uri address) => (Name, _app, Address) = (name, app, address);

    public static FakeReplica Start(string name, bool hangs = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
        app.Map("/api/{**rest}", async (CancellationToken aborted) =>
        {
            if (hangs)
                await Task.Delay(Timeout.Infinite, aborted);
            return Results.Ok(new { replica = name });
        });
        app.StartAsync().GetAwaiter().GetResult();
        return new FakeReplica(name, app, new Uri(app.Urls.First()));
    }

    /// <summary>Kills the replica: its port stops accepting connections.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
