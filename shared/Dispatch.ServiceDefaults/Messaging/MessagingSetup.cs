using Dispatch.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.ServiceDefaults.Messaging;

public static class MessagingSetup
{
    /// <summary>The broker's connection string: <c>ConnectionStrings__RabbitMq</c>.</summary>
    public const string BrokerConnectionName = "RabbitMq";

    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:RabbitMq</c>, an amqp:// URL): durable quorum
    /// queues named after the service, bounded retries then the error queue, and the outbox relay.
    /// Messages carry the W3C trace context (MassTransit's own propagation).
    /// </summary>
    public static WebApplicationBuilder AddDispatchMessaging(this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var url = builder.Configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException("Connection string 'RabbitMq' is missing: set ConnectionStrings__RabbitMq to an amqp:// URL.");
        var broker = new Uri(url);
        var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.SectionName));
        var endpointNames = new ReceiveEndpointNames();
        builder.Services.AddSingleton(endpointNames);
        builder.Services.AddSingleton(services => new ErrorQueueDepths(services.GetRequiredService<ReceiveEndpointNames>(), broker, messaging.CertificateAuthorityFile));
        builder.Services.AddSingleton<ErrorQueueHealthCheck>();
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queues", tags: ["ready"]);

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its makers over the internet unless told not to; nothing here calls out.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            consumers?.Invoke(bus);
            bus.AddConsumer<AccountSessionsEndedConsumer>();

            bus.AddConfigureEndpointsCallback((_, queue, endpoint) =>
            {
                endpointNames.Add(queue);
                // An unreachable database is not the message's fault: wait for it (outer retry) instead of
                // using up the few bounded retries and parking a good message in the error queue.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(TransientFailures.IsTransient);
                    retry.Exponential(messaging.TransientRetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
                });
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(TransientFailures.IsTransient);
                    retry.Intervals(messaging.EffectiveRetryIntervalsMs);
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.SetQueueArgument("x-delivery-limit", messaging.DeliveryLimit);
                    rabbit.PrefetchCount = messaging.PrefetchCount;
                }
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
                var tls = BrokerTls.IsUsedBy(broker);
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort || broker.Port <= 0 ? tls ? BrokerTls.DefaultPort : 5672 : broker.Port),
                    virtualHost.Length == 0 ? "/" : virtualHost, host =>
                    {
                        host.Username(credentials.Length > 0 && credentials[0].Length > 0 ? credentials[0] : "guest");
                        host.Password(credentials.Length > 1 ? credentials[1] : "guest");
                        host.ConnectionName(serviceName);
                        if (tls)
                            host.UseSsl(ssl =>
                            {
                                ssl.ServerName = broker.Host;
                                ssl.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                                ssl.CertificateValidationCallback = BrokerTls.Validation(messaging.CertificateAuthorityFile);
                            });
                    });
                rabbit.UseConsumeFilter(typeof(ConsumeLogFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // Start serving (and answer "not ready") while the broker is down; the bus keeps reconnecting.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(20);
        });
        BrokerReadiness.Apply(builder.Services);
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
