using Dispatch.ServiceDefaults;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.Teams;
using Dispatch.Teams.Apis;
using Dispatch.Teams.Certificates;
using Dispatch.Teams.Consumers;
using Dispatch.Teams.Data;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatchDatabase(TeamsSettings.Declared.Database, typeof(Program).Assembly);
// The registry publishes team events (through the outbox) and keeps each team's track record from order and rating events.
builder.AddDispatchMessaging("teams", bus =>
{
    bus.AddConsumer<OrderClaimedConsumer>();
    bus.AddConsumer<OrderReleasedConsumer>();
    bus.AddConsumer<OrderCompletedConsumer>();
    bus.AddConsumer<NeedRatedConsumer>();
    bus.AddConsumer<ResidentRatedConsumer>();
    bus.AddConsumer<OrderReassignedConsumer>();
    bus.AddConsumer<OrderAutoReleasedConsumer>();
    bus.AddConsumer<OrderTransferredConsumer>();
});
builder.Services.AddSingleton<PlaceStore>();
builder.Services.AddSingleton<TeamStore>();
builder.Services.AddSingleton<TeamChangeStore>();
builder.Services.AddSingleton<MemberStore>();
builder.Services.AddSingleton<ServiceRecordStore>();
builder.Services.AddSingleton<CertificateStore>();
builder.Services.AddSingleton<VolunteerFiguresStore>();
builder.Services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.SectionName);
builder.Services.AddSingleton(services => new CertificatePdf(services.GetRequiredService<IOptions<CertificateOptions>>().Value));

var app = builder.Build();

app.UseServiceDefaults();
app.MapPlacesApi();
app.MapPlaceImportApi();
app.MapTeamsApi();
app.MapRosterImportApi();
app.MapMembersApi().MapMemberImportApi().MapServiceRecordsApi().MapCertificatesApi();
app.MapVerificationApi();
app.MapVolunteerFiguresApi();

app.Run();

public partial class Program;
