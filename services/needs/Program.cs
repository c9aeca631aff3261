using Dispatch.Needs;
using Dispatch.Needs.Apis;
using Dispatch.Needs.Consumers;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
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
});
builder.Services.AddSingleton<NeedStore>();
builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
    .Validate(o => o.CompletedContactDays >= 0, "Privacy__CompletedContactDays must be 0 or more.").ValidateOnStart();
builder.Services.AddSingleton<NeedsMetrics>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapNeedsApi();
app.MapNeedsListApi();

app.Run();

public partial class Program;
