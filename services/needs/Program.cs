using Dispatch.Needs;
using Dispatch.Needs.Apis;
using Dispatch.Needs.Consumers;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.Needs.Requests;
using Dispatch.Needs.Retention;
using Dispatch.Needs.Telemetry;
using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatchDatabase(NeedsSettings.Declared.Database, typeof(Program).Assembly);
builder.AddDispatchMessaging("needs", bus =>
{
    bus.AddConsumer<OrderClaimedConsumer>();
    bus.AddConsumer<OrderReleasedConsumer>();
    bus.AddConsumer<OrderDeclinedConsumer>();
    bus.AddConsumer<OrderDirectedConsumer>();
    bus.AddConsumer<OrderStartedConsumer>();
    bus.AddConsumer<OrderCompletedConsumer>();
    bus.AddConsumer<OrderExpiredConsumer>();
    bus.AddConsumer<OrderEscalatedConsumer>();
    bus.AddConsumer<TeamHatchedConsumer>();
    bus.AddConsumer<TeamSuspendedConsumer>();
    bus.AddConsumer<OrderReassignedConsumer>();
    bus.AddConsumer<OrderOverdueConsumer>();
    bus.AddConsumer<OrderAutoReleasedConsumer>();
    bus.AddConsumer<OrderTransferredConsumer>();
    bus.AddConsumer<TransferRequestedConsumer>();
    bus.AddConsumer<TransferDeclinedConsumer>();
    bus.AddConsumer<CommunityRegisteredConsumer>();
    bus.AddConsumer<TeamProfileChangedConsumer>();
});
builder.Services.AddSingleton<NeedStore>();
builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
    .Validate(o => o.CompletedContactDays >= 0, "Privacy__CompletedContactDays must be 0 or more.")
    .Validate(o => o.RetentionDays >= 1, "Privacy__RetentionDays must be 1 or more.")
    .Validate(o => o.RetentionSweepInterval > TimeSpan.Zero, "Privacy__RetentionSweepInterval must be positive.").ValidateOnStart();
builder.Services.AddSingleton<RetentionSweep>();
builder.Services.AddHostedService<RetentionWatch>();
builder.Services.AddSingleton<RequestStore>();
builder.Services.AddOptions<RequestsOptions>().BindConfiguration(RequestsOptions.SectionName)
    .Validate(o => o.OpenPerPhone >= 1 && o.OpenPerAddress >= 1, "Requests__OpenPerPhone and Requests__OpenPerAddress must be 1 or more.")
    .Validate(o => Uri.IsWellFormedUriString(o.PublicBaseUrl, UriKind.Absolute), "Requests__PublicBaseUrl must be an absolute URL.")
    .ValidateOnStart();
builder.Services.AddSingleton<NeedsMetrics>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapNeedsApi();
app.MapNeedsListApi();
app.MapPublicRequestsApi();
app.MapRequestsApi();

app.Run();

public partial class Program;
