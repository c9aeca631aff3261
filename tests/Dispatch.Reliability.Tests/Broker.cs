using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.Reliability.Tests;

/// <summary>One message as it crossed the broker: its contract and its MassTransit message id.</summary>
public sealed record TappedMessage(string Type, Guid MessageId, Guid? NeedId);

/// <summary>
/// The system's virtual host seen from the outside: a tap queue bound to the contracts' exchanges
/// (a copy of every event any service published, to count what the outboxes relayed), the message
/// counts of every queue, and raw publishes in MassTransit's envelope for duplicate, out-of-order
/// and poison deliveries.
/// </summary>
public sealed class Broker(DispatchSystem system, Servers servers)
{
    public const string TapQueue = "reliability-tap";

    public static readonly string[] Contracts =
    [
        "NeedPublished", "NeedUpdated", "NeedCancelled", "NeedRated",
        "OrderClaimed", "OrderDeclined", "OrderDirected", "OrderReleased", "OrderStarted", "OrderCompleted", "OrderEscalated", "OrderExpired",
        "TeamRegistered", "TeamHatched", "TeamSuspended", "TeamProfileChanged", "CommunityRegistered",
    ];

    private string VirtualHost => Uri.UnescapeDataString(new Uri(system.Broker).AbsolutePath.TrimStart('/'));

    /// <summary>Declares the tap (durable, so it outlives a broker restart) on every contract's exchange.</summary>
    public async Task StartTapAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(TapQueue, durable: true, exclusive: false, autoDelete: false);
        foreach (var contract in Contracts)
        {
            var exchange = "Dispatch.Contracts:" + contract;
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(TapQueue, exchange, "");
        }
    }

    /// <summary>Takes every message the tap holds.</summary>
    public async Task<IReadOnlyList<TappedMessage>> DrainTapAsync()
    {
        var messages = new List<TappedMessage>();
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(TapQueue, autoAck: true) is { } result)
        {
            var envelope = JsonNode.Parse(result.Body.Span)!;
            var needId = envelope["message"]?["needId"]?.GetValue<string>();
            messages.Add(new TappedMessage(result.Exchange.Replace("Dispatch.Contracts:", ""), Guid.Parse(envelope["messageId"]!.GetValue<string>()),
                needId is null ? null : Guid.Parse(needId)));
        }
        return messages;
    }

    /// <summary>Ready messages per queue of the virtual host (not the tap), read from the broker by passive declares.</summary>
    public async Task<IReadOnlyDictionary<string, uint>> QueueDepthsAsync()
    {
        var management = new Uri(servers.RabbitMqManagementUrl);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var queues = JsonNode.Parse(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(VirtualHost)}?columns=name"))!.AsArray()
            .Select(q => q!["name"]!.GetValue<string>()).Where(name => name != TapQueue).ToList();

        var depths = new Dictionary<string, uint>();
        await using var connection = await ConnectAsync();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                depths[queue] = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (OperationInterruptedException)
            {
                // Deleted meanwhile (a temporary reply queue).
            }
        }
        return depths;
    }

    public static bool IsErrorQueue(string queue) => queue.EndsWith("_error", StringComparison.Ordinal);

    /// <summary>Messages parked in the error queues of <paramref name="depths"/>.</summary>
    public static long Parked(IReadOnlyDictionary<string, uint> depths) => depths.Where(q => IsErrorQueue(q.Key)).Sum(q => (long)q.Value);

    /// <summary>Messages parked in every error queue now (the tests of a class share the broker: each compares with its start).</summary>
    public async Task<long> ParkedAsync() => Parked(await QueueDepthsAsync());

    /// <summary>Publishes <paramref name="message"/> as a MassTransit publish of Dispatch.Contracts.<paramref name="contract"/> would.</summary>
    public async Task PublishAsync(string contract, Guid messageId, object message)
    {
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:Dispatch.Contracts:{contract}" },
            message,
            sentTime = DateTime.UtcNow,
            headers = new { },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, JsonSerializerOptions.Web);
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            MessageId = messageId.ToString(),
            Persistent = true,
        };
        await channel.BasicPublishAsync("Dispatch.Contracts:" + contract, "", mandatory: false, properties, body);
    }

    private Task<IConnection> ConnectAsync() => new ConnectionFactory { Uri = new Uri(system.Broker) }.CreateConnectionAsync();
}
