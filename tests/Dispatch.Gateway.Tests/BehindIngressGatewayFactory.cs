using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Gateway.Tests;

/// <summary>
/// The gateway behind an ingress at <see cref="Ingress"/> (its one trusted proxy), locking a username at an address after a few failed sign-ins. The
/// in-process server has no TCP peer, so each test request names the address it comes from in <see cref="PeerHeader"/>.
/// </summary>
public sealed class BehindIngressGatewayFactory : GatewayFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const int PermitLimit = 3;
    public static readonly IPAddress Ingress = IPAddress.Parse("10.1.2.3");

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("ForwardedHeaders:KnownProxies:0", Ingress.ToString()),
        ("RateLimiting:SignIn:FreeFailures", PermitLimit.ToString()),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer) ? peer : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
