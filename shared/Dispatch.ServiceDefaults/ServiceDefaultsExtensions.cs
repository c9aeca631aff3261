using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Health;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dispatch.ServiceDefaults;

/// <summary>What every process of the system sets up the same way (eShop's ServiceDefaults).</summary>
public static class ServiceDefaultsExtensions
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddDispatchTelemetry();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (TraceContext.CurrentTraceId is { } id)
                context.ProblemDetails.Extensions["correlationId"] = id;
        });
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        // A body that does not bind throws, so the handler above can say what was wrong with it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new PlainTextJsonConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        builder.AddTrustedProxies();
        // No answer names the server software (Kestrel) to whoever asks.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddDispatchAuthentication();
        return builder;
    }

    private static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection(TrustedProxiesOptions.SectionName).Get<TrustedProxiesOptions>() ?? new TrustedProxiesOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (trusted.KnownProxies.Length + trusted.KnownNetworks.Length == 0)
                return; // ASP.NET Core's default: loopback only
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.KnownProxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            foreach (var network in trusted.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR form (10.0.0.0/8)."));
        });
    }

    /// <summary>The middleware every service runs, in order, and its health endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // First: everything after it (limits, logs, the audit trail) sees the client behind a trusted proxy.
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // Clients read their request's trace id here (and choose the trace, if they wish, by sending traceparent).
            if (TraceContext.CurrentTraceId is { } id)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[TraceContext.CorrelationHeader] = id;
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<QueryTextMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        return app;
    }
}
