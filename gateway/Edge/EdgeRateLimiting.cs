using System.Globalization;
using System.Threading.RateLimiting;
using Dispatch.ServiceDefaults.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Dispatch.Gateway.Edge;

/// <summary>
/// ASP.NET Core's rate limiter at the edge: one fixed window per account or address. Sign-ins are limited by their
/// failures instead (<see cref="SignInLimitsOptions"/>), so that many people signing in from one venue all get in.
/// </summary>
internal static class EdgeRateLimiting
{
    public static WebApplicationBuilder AddEdgeRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection(RateLimitingOptions.SectionName));
        var settings = builder.Configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // Probes must keep answering while a client is being throttled.
                if (http.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("health");
                var key = http.User.FindFirst(DispatchClaims.Subject)?.Value is { } account ? $"account:{account}" : $"address:{ClientAddress.Of(http)}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(settings.PermitLimit, settings.Window));
            });
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This account or address has sent too many requests; try again in {seconds} s.",
            },
        });
    }
}
