using Dispatch.ServiceDefaults.Correlation;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>Options of the service's receive endpoints (<c>Messaging__DeliveryLimit</c>, …).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Quorum queues drop or dead-letter a message redelivered more often than this (3.10 has no default).</summary>
    public int DeliveryLimit { get; set; } = 10;

    /// <summary>In-process retries before a message is moved to the endpoint's <c>_error</c> queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000, 5000];

    public int PrefetchCount { get; set; } = 32;
}

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:RabbitMq</c>, an amqp:// URL): durable quorum
    /// queues named after the service, bounded retries then the error queue, correlation ids in
    /// every header, and the outbox relay.
    /// </summary>
    public static WebApplicationBuilder AddDispatchMessaging(this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var url = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("Connection string 'RabbitMq' is missing: set ConnectionStrings__RabbitMq to an amqp:// URL.");
        var broker = new Uri(url);
        var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.SectionName));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            consumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry => retry.Intervals(messaging.RetryIntervalsMs));
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
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort || broker.Port <= 0 ? 5672 : broker.Port),
                    virtualHost.Length == 0 ? "/" : virtualHost, host =>
                    {
                        host.Username(credentials.Length > 0 && credentials[0].Length > 0 ? credentials[0] : "guest");
                        host.Password(credentials.Length > 1 ? credentials[1] : "guest");
                        host.ConnectionName(serviceName);
                    });
                rabbit.UsePublishFilter(typeof(CorrelationPublishFilter<>), context);
                rabbit.UseSendFilter(typeof(CorrelationPublishFilter<>), context);
                rabbit.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // Start serving (and answer "not ready") while the broker is down; the bus keeps reconnecting.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
