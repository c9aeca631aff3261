using Dispatch.Matching;
using Dispatch.Matching.Apis;
using Dispatch.Matching.Consumers;
using Dispatch.Matching.Data;
using Dispatch.Matching.Escalation;
using Dispatch.Matching.Live;
using Dispatch.Matching.Telemetry;
using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatchDatabase(MatchingSettings.Declared.Database, typeof(Program).Assembly);
builder.AddDispatchMessaging("matching", bus =>
{
    bus.AddConsumer<NeedPublishedConsumer>();
    bus.AddConsumer<NeedUpdatedConsumer>();
    bus.AddConsumer<NeedCancelledConsumer>();
    bus.AddConsumer<NeedRatedConsumer>();
    bus.AddConsumer<ResidentRatedConsumer>();
    bus.AddConsumer<TeamRegisteredConsumer>();
    bus.AddConsumer<TeamHatchedConsumer>();
    bus.AddConsumer<TeamSuspendedConsumer>();
    bus.AddConsumer<TeamProfileChangedConsumer>();
    bus.AddConsumer<CommunityRegisteredConsumer>();
    bus.AddConsumer<TeamMemberChangedConsumer>();
});
builder.Services.AddSingleton<OrderStore>();
builder.Services.AddSingleton<StatsStore>();
builder.Services.AddSingleton<PlanStore>();
builder.Services.AddSingleton<TransferStore>();
builder.Services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.SectionName)
    .Validate(o => o.StepWindow > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.LeadBeforeStart >= TimeSpan.Zero,
        "Escalation windows and batch size must be positive, and the lead before the start not negative.")
    .ValidateOnStart();
builder.Services.AddOptions<ClaimsOptions>().BindConfiguration(ClaimsOptions.SectionName)
    .Validate(o => o.StartGrace >= TimeSpan.Zero && o.OverdueLimit >= 1, "Claims__StartGrace must not be negative and Claims__OverdueLimit must be at least 1.")
    .ValidateOnStart();
builder.Services.AddOptions<TransfersOptions>().BindConfiguration(TransfersOptions.SectionName)
    .Validate(o => o.AutoApproveAfter > TimeSpan.Zero, "Transfers__AutoApproveAfter must be positive.")
    .ValidateOnStart();
builder.Services.AddSingleton<MatchingMetrics>();
builder.Services.AddSingleton<DeadlineSweep>();
builder.Services.AddHostedService<DeadlineWatch>();
builder.Services.AddSingleton<OrderChangeFeed>();
builder.Services.AddHostedService(services => services.GetRequiredService<OrderChangeFeed>());

var app = builder.Build();

app.UseServiceDefaults();
app.MapOrdersApi();
app.MapStreetOrdersApi();
app.MapHallEventsApi();
app.MapStatsApi();
app.MapMatchingPlansApi();
app.MapTransfersApi();

app.Run();

public partial class Program;
