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
                if (http.User.FindFirst(DispatchClaims.Subject)?.Value is { } account)
                    return RateLimitPartition.GetFixedWindowLimiter($"account:{account}", _ => Window(settings.PermitLimit, settings.Window));
                if (http.Request.Path.StartsWithSegments(ResidentsPath))
                    return RateLimitPartition.GetFixedWindowLimiter($"residents:{ClientAddress.Of(http)}",
                        _ => Window(settings.Residents.PermitLimit, settings.Residents.Window));
                return RateLimitPartition.GetFixedWindowLimiter($"address:{ClientAddress.Of(http)}", _ => Window(settings.PermitLimit, settings.Window));
            });
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    // The residents' public endpoints (filing, tracking, rating), which the gateway routes without a token.
    private const string ResidentsPath = "/api/requests";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var resident = http.User.Identity?.IsAuthenticated != true && http.Request.Path.StartsWithSegments(ResidentsPath);
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
                // A resident reads this on the request page, in Chinese.
                Detail = resident
                    ? $"提交或查询太频繁了，请 {seconds} 秒后再试。"
                    : $"This account or address has sent too many requests; try again in {seconds} s.",
            },
        });
    }
}
