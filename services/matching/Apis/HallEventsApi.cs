using System.Text.Json;
using Dispatch.Matching.Live;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Matching.Apis;

/// <summary>
/// The live hall: a server-sent event stream that tells a team's screen when an order is published, taken or
/// otherwise changed, so it reloads its hall without a manual refresh. A comment line every
/// <see cref="Heartbeat"/> keeps proxies (the gateway's activity timeout) from closing an idle stream.
/// </summary>
internal static class HallEventsApi
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapHallEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orders/hall/events", StreamAsync).RequireAuthorization(Policies.Team);
        return app;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context, Caller caller, OrderChangeFeed feed, IHostApplicationLifetime lifetime)
    {
        if (caller.TeamId is null)
            return Problems.Forbidden("This team account is not bound to a team.");

        using var subscription = feed.Subscribe();
        // Ends with the client or when this replica stops, so a rolling update is not held up by open streams.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = ending.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await response.WriteAsync("retry: 3000\nevent: ready\ndata: {}\n\n", ct);
            await response.Body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(Heartbeat);
                string frame;
                try
                {
                    var change = await subscription.Reader.ReadAsync(wait.Token);
                    frame = $"event: order-changed\ndata: {JsonSerializer.Serialize(change, Json)}\n\n";
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    frame = ": keep-alive\n\n";
                }
                await response.WriteAsync(frame, ct);
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the replica is stopping; the browser reconnects to another replica.
        }
        return Results.Empty;
    }
}
