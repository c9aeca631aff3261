using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// A tiny real HTTP server on a free loopback port standing in for the services behind the gateway:
/// it echoes what a proxied request carried, and answers the team registry's
/// place and team look-ups for a fixed street.
/// </summary>
public sealed class FakeServices : IAsyncDisposable
{
    public static readonly Guid DistrictId = Guid.NewGuid();
    public static readonly Guid StreetId = Guid.NewGuid();
    public static readonly Guid CommunityId = Guid.NewGuid();
    public static readonly Guid TeamId = Guid.NewGuid();
    public static readonly Guid OtherStreetTeamId = Guid.NewGuid();

    private readonly WebApplication _app;

    /// <summary>The Authorization header of every team-registry call, to prove the caller's token is passed on.</summary>
    public ConcurrentQueue<string> RegistryAuthorizations { get; } = new();

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    private FakeServices(WebApplication app) => _app = app;

    public static FakeServices Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        return new FakeServices(app).Run();
    }

    private FakeServices Run()
    {
        _app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
        // A request the service fails on its own (a bug of ours, an answer to one request): 500.
        _app.Map("/api/needs/fails", () => Results.Problem(statusCode: StatusCodes.Status500InternalServerError));
        // Every proxied route's requests are echoed, but the registry's look-ups below.
        foreach (var route in new[] { "/api/needs/{**rest}", "/api/requests/{**rest}", "/api/teams", "/api/places", "/api/orders/{**rest}", "/api/stats/{**rest}", "/api/matching-plans/{**rest}" })
            _app.Map(route, Echo);
        _app.MapGet("/api/places/communities/{id:guid}", (Guid id, HttpContext context) =>
        {
            RegistryAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            return id == CommunityId
                ? Results.Ok(new { id, name = "汇泉社区", branchName = "汇泉社区党支部", streetId = StreetId, streetName = "文昌路街道", districtId = DistrictId, districtName = "莱州市" })
                : Results.NotFound();
        });
        _app.MapGet("/api/places/streets/{id:guid}", (Guid id, HttpContext context) =>
        {
            RegistryAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            return id == StreetId
                ? Results.Ok(new { id, name = "文昌路街道", districtId = DistrictId, districtName = "莱州市", communities = Array.Empty<object>() })
                : Results.NotFound();
        });
        _app.MapGet("/api/teams/{id:guid}", (Guid id, HttpContext context) =>
        {
            RegistryAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            if (id == TeamId)
                return Results.Ok(new { id, name = "银龄先锋", communityId = CommunityId, streetId = StreetId, districtId = DistrictId, status = "hatched" });
            if (id == OtherStreetTeamId)
                return Results.Ok(new { id, name = "别处的队伍", communityId = Guid.NewGuid(), streetId = Guid.NewGuid(), districtId = DistrictId, status = "hatched" });
            return Results.NotFound();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Address = new Uri(_app.Urls.First());
        return this;
    }

    private static IResult Echo(HttpContext context) => Results.Ok(new
    {
        path = context.Request.Path.Value,
        authorization = context.Request.Headers.Authorization.ToString(),
        traceParent = context.Request.Headers["traceparent"].ToString(),
        cookie = context.Request.Headers.Cookie.ToString(),
    });

    /// <summary>A loopback address where nothing listens, for a service that is down.</summary>
    public static Uri DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
