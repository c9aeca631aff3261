using Dispatch.Needs.Apis;
using Dispatch.Needs.Consumers;
using Dispatch.Needs.Data;
using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatchDatabase("Needs", typeof(Program).Assembly);
builder.AddDispatchMessaging("needs", bus =>
{
    bus.AddConsumer<OrderClaimedConsumer>();
    bus.AddConsumer<OrderReleasedConsumer>();
    bus.AddConsumer<OrderDeclinedConsumer>();
    bus.AddConsumer<OrderStartedConsumer>();
    bus.AddConsumer<OrderCompletedConsumer>();
    bus.AddConsumer<OrderExpiredConsumer>();
    bus.AddConsumer<OrderEscalatedConsumer>();
});
builder.Services.AddSingleton<NeedStore>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapNeedsApi();
app.MapNeedsListApi();

app.Run();

public partial class Program;
