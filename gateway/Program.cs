using Dispatch.Gateway;
using Dispatch.Gateway.Accounts;
using Dispatch.Gateway.Apis;
using Dispatch.Gateway.Audit;
using Dispatch.Gateway.Edge;
using Dispatch.Gateway.Health;
using Dispatch.Gateway.Resilience;
using Dispatch.Gateway.Teams;
using Dispatch.Gateway.Telemetry;
using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.StaticFiles;
using Yarp.ReverseProxy.Forwarder;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // run.sh starts the gateway from the repository root: its appsettings.json (the routes) and wwwroot sit beside the assembly.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddServiceDefaults();
builder.AddPasswordChangeAuthentication();
builder.AddDispatchDatabase(GatewaySettings.Declared.Database, typeof(Program).Assembly);
// The gateway publishes AccountSessionsEnded through its outbox, so that every service refuses an ended session's tokens.
builder.AddDispatchMessaging("gateway", bus => bus.AddConsumer<AuditRecordedConsumer>());
var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection(GatewaySettings.ReverseProxySection)).AddEdgeTransforms();
builder.AddProxyHealth(proxy);

// The edge: rate limits, body size, and a circuit per destination (see CircuitBreakerHandler).
builder.AddEdgeRateLimiting();
builder.Services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection(RequestLimitsOptions.SectionName));
var bodyLimit = builder.Configuration.GetSection(RequestLimitsOptions.SectionName).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyLimit.MaxRequestBodySize);
builder.Services.Configure<CircuitBreakerOptions>(builder.Configuration.GetSection(CircuitBreakerOptions.SectionName));
builder.Services.AddSingleton<IForwarderHttpClientFactory, CircuitBreakingForwarderHttpClientFactory>();

// Accounts and sign-in; the admin account is ensured after the migrator (registered above) made the table.
builder.Services.AddSingleton(services => new TokenWriter(
    builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions(), TimeProvider.System));
builder.Services.AddSingleton<Passwords>();
builder.Services.AddSingleton<AccountStore>();

// The audit trail of every process, appended here from the broker; kept Audit__RetentionDays (at least 180).
builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName)
    .Validate(o => o.RetentionDays >= AuditOptions.MinimumRetentionDays,
        $"Audit__RetentionDays must be at least {AuditOptions.MinimumRetentionDays} (the Cybersecurity Law's six months).")
    .ValidateOnStart();
builder.Services.AddSingleton<AuditStore>();
builder.Services.AddHostedService<AuditRetention>();
builder.Services.AddSingleton<SignInAttempts>();
builder.Services.AddScoped<SignIn>();
builder.Services.AddScoped<AccountDrafts>();
builder.Services.AddSingleton<GatewayMetrics>();
builder.Services.Configure<AdminAccountOptions>(builder.Configuration.GetSection(AdminAccountOptions.SectionName));
builder.Services.AddHostedService<AdminAccountBootstrap>();

// The team registry, asked where a new account belongs, with the caller's token.
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<CallerHeadersHandler>();
var teamRegistry = builder.Configuration.GetSection(TeamRegistryOptions.SectionName).Get<TeamRegistryOptions>() ?? new TeamRegistryOptions();
builder.Services.AddHttpClient<TeamRegistryClient>(http => http.BaseAddress = teamRegistry.Teams)
    .AddHttpMessageHandler<CallerHeadersHandler>()
    .AddStandardResilienceHandler(resilience =>
    {
        // A person is waiting for the answer: retry briefly, then say 503 rather than hang.
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
        resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
        resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
    });

var app = builder.Build();

app.UseMiddleware<RequestLogMiddleware>();
app.UseMiddleware<BrowserProtectionsMiddleware>();

// The landing page is public; placed before the defaults' authorization, whose fallback policy would otherwise ask for a token.
app.UseDefaultFiles();
// wwwroot/openapi.yaml is the whole public API in one document (GET /openapi.yaml); .yaml is not a type the server knows by default.
var contentTypes = new FileExtensionContentTypeProvider { Mappings = { [".yaml"] = "application/yaml" } };
app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = contentTypes });
app.UseServiceDefaults();
// After authentication, so a caller with a token is counted by its account rather than its address.
app.UseRateLimiter();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.MapAuthApi();
app.MapAccountsApi();
// The residents' pages (a community's request form from its poster's QR code, and a request's tracking link): public,
// like the landing page; the page asks the needs service's public endpoints through the anonymous routes.
foreach (var residentPage in new[] { "/ask/{communityId:guid}", "/track/{code}" })
    app.MapGet(residentPage, (IWebHostEnvironment web) => TypedResults.PhysicalFile(Path.Combine(web.WebRootPath, "resident.html"), "text/html; charset=utf-8"))
        .AllowAnonymous().ExcludeFromDescription();
app.MapAuditApi();
// The public check a certificate's QR code opens: a page of the web UI (it asks /api/verify/{code}, routed to the team registry).
app.MapGet("/verify/{code}", (IWebHostEnvironment web) => TypedResults.PhysicalFile(Path.Combine(web.WebRootPath, "verify.html"), "text/html; charset=utf-8"))
    .AllowAnonymous().ExcludeFromDescription();
app.MapReverseProxy();

app.Run();

public partial class Program;
