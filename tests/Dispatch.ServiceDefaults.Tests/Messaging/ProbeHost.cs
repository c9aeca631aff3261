using System.Collections.Concurrent;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.ServiceDefaults.Telemetry;
using Dispatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A small service built only from the service defaults, on a fresh database and virtual host of
/// the real servers: one endpoint that changes state and publishes through the outbox, one consumer.
/// </summary>
public sealed class ProbeHost : IAsyncLifetime
{
    private WebApplication? _app;

    public string ConnectionString { get; } = TestInfrastructure.NewDatabase("defaults");
    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client signed in as an admin (readiness names its checks only to an admin).</summary>
    public HttpClient Admin { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public sealed record CancelRequest(Guid NeedId, string Reason, bool FailAfterWrite);

    public async Task InitializeAsync()
    {
        var broker = await TestInfrastructure.NewVirtualHostAsync("defaults");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:Probe"] = ConnectionString;
        builder.Configuration["ConnectionStrings:RabbitMq"] = broker;
        builder.Configuration["Auth:SigningKeys"] = TestTokens.SigningKey;
        for (var i = 0; i < ProbeConsumer.Retries; i++)
            builder.Configuration[$"Messaging:RetryIntervalsMs:{i}"] = "20";
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddServiceDefaults();
        builder.AddDispatchDatabase("Probe", typeof(ProbeHost).Assembly);
        builder.AddDispatchMessaging("probe", bus => bus.AddConsumer<ProbeConsumer>());

        _app = builder.Build();
        _app.UseServiceDefaults();
        _app.MapPost("/probe/cancel", async (CancelRequest request, Caller caller, Database database, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Reason))
                return (IResult)ValidationErrors.For("reason", "reason is required.");
            await using var unit = await database.BeginAsync(ct);
            await unit.PublishAsync(new NeedCancelled(request.NeedId, request.Reason, DateTimeOffset.UtcNow), ct);
            if (request.FailAfterWrite)
                throw new InvalidOperationException("Simulated failure before commit.");
            await unit.CommitAsync(ct);
            return TypedResults.Ok(new { caller.Username });
        });
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A client from outside: it sends the traceparent a test gives it, not one of this process's own traces.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = new Uri(address) };
        Admin = new HttpClient { BaseAddress = new Uri(address) };
        Admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Admin());
        // Ready means the bus has bound its queues: a message published before that would find no queue.
        await Eventually.TrueAsync(async () => (await Client.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the probe service should become ready");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>
/// Records every NeedCancelled it handles (with the trace id it ran under), in the same transaction as its
/// inbox row; refuses, every time, one whose reason is <see cref="PoisonReason"/>.
/// </summary>
public sealed class ProbeConsumer(Database database) : IdempotentConsumer<NeedCancelled>(database)
{
    public const string PoisonReason = "poison";
    public const int Retries = 4;

    /// <summary>How many times each poison message was handed to the consumer.</summary>
    public static ConcurrentDictionary<Guid, int> PoisonAttempts { get; } = new();

    protected override Guid? RowKey(NeedCancelled message) => message.NeedId;

    protected override Task HandleAsync(NeedCancelled message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        if (message.Reason == PoisonReason)
        {
            PoisonAttempts.AddOrUpdate(message.NeedId, 1, (_, n) => n + 1);
            throw new InvalidOperationException($"need {message.NeedId} is poison");
        }
        return unit.ExecuteAsync("insert into received_messages (need_id, trace_id) values (@NeedId, @TraceId)",
            new { message.NeedId, TraceId = TraceContext.CurrentTraceId }, cancellationToken);
    }
}
