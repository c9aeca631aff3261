using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Testing;
using RabbitMQ.Client;

namespace Dispatch.Operations.Tests;

/// <summary>The system's own virtual host, through RabbitMQ's management API and a client connection of the test's.</summary>
internal sealed class Broker(DispatchSystem system)
{
    private string VirtualHost => Uri.UnescapeDataString(new Uri(system.Broker).AbsolutePath.TrimStart('/'));

    /// <summary>
    /// Cuts a service off the broker until disposed: the virtual host takes no new connection and the service's
    /// connection is closed, so its bus keeps trying to reconnect (the other services keep theirs).
    /// </summary>
    public async Task<IAsyncDisposable> CutOffAsync(string service)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await http.PutAsync($"/api/vhost-limits/{vhost}/max-connections", Json(new { value = 0 }))).EnsureSuccessStatusCode();
        var connections = JsonNode.Parse(await http.GetStringAsync($"/api/vhosts/{vhost}/connections"))!.AsArray()
            .Where(c => (string?)c!["client_properties"]?["connection_name"] == service).Select(c => (string)c!["name"]!).ToList();
        Assert.NotEmpty(connections);
        foreach (var name in connections)
            (await http.DeleteAsync($"/api/connections/{Uri.EscapeDataString(name)}")).EnsureSuccessStatusCode();
        return new Restore(async () =>
        {
            using var restore = Management();
            (await restore.DeleteAsync($"/api/vhost-limits/{vhost}/max-connections")).EnsureSuccessStatusCode();
        });
    }

    /// <summary>Publishes <paramref name="message"/> as a MassTransit publish of Dispatch.Contracts.<paramref name="contract"/> would.</summary>
    public async Task PublishAsync(string contract, object message)
    {
        var messageId = Guid.NewGuid();
        var envelope = new { messageId, messageType = new[] { $"urn:message:Dispatch.Contracts:{contract}" }, message, sentTime = DateTime.UtcNow, headers = new { } };
        await using var connection = await new ConnectionFactory { Uri = new Uri(system.Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId.ToString(), Persistent = true };
        await channel.BasicPublishAsync("Dispatch.Contracts:" + contract, "", mandatory: false, properties,
            JsonSerializer.SerializeToUtf8Bytes(envelope, JsonSerializerOptions.Web));
    }

    private static HttpClient Management()
    {
        var management = new Uri(TestInfrastructure.RabbitMqManagementUrl);
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return http;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
