using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Health;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddDispatchAuthentication();
        return builder;
    }

    /// <summary>The middleware every service runs, in order, and its health endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
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
