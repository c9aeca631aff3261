using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams.Apis;
using Dispatch.Teams.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatchDatabase("Teams", typeof(Program).Assembly);
// The registry only publishes (through the outbox); it consumes nothing yet.
builder.AddDispatchMessaging("teams");
builder.Services.AddSingleton<PlaceStore>();
builder.Services.AddSingleton<TeamStore>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapPlacesApi();
app.MapTeamsApi();

app.Run();

public partial class Program;
