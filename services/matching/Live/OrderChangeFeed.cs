using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace Dispatch.Matching.Live;

/// <summary>
/// Listens on the matching database's <c>order_changed</c> channel (a trigger notifies on every order change)
/// and fans each change out to the hall streams this replica serves. Every replica listens on the same
/// database, so a claim made through one replica reaches the teams connected to any other.
/// </summary>
internal sealed class OrderChangeFeed(NpgsqlDataSource dataSource, ILogger<OrderChangeFeed> logger) : BackgroundService
{
    public const string Channel = "order_changed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, Channel<OrderChange>> _subscribers = new();

    public int Subscribers => _subscribers.Count;

    /// <summary>A stream of changes for one connected client; dispose to leave.</summary>
    public Subscription Subscribe()
    {
        // A slow reader loses the oldest changes, never blocks the feed: any change makes it reload the hall anyway.
        var channel = System.Threading.Channels.Channel.CreateBounded<OrderChange>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Publish(Parse(e.Payload));
                try
                {
                    await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    // Changes made while we were not listening are unknown: tell every client to reload.
                    Publish(new OrderChange(null, null, null));
                    delay = TimeSpan.FromSeconds(1);
                    while (!stoppingToken.IsCancellationRequested)
                        await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
                }
                finally
                {
                    await UnlistenAsync(connection); // pooled connections are not reset: do not hand a listener back
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(e, "Listening for order changes failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var unlisten = new NpgsqlCommand("unlisten *", connection);
            await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A broken connection is not returned to the pool anyway.
        }
    }

    private void Publish(OrderChange change)
    {
        foreach (var channel in _subscribers.Values)
            channel.Writer.TryWrite(change);
    }

    private static OrderChange Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<OrderChange>(payload, Json) ?? new OrderChange(null, null, null);
        }
        catch (JsonException)
        {
            return new OrderChange(null, null, null);
        }
    }

    internal sealed class Subscription(ChannelReader<OrderChange> reader, Action leave) : IDisposable
    {
        public ChannelReader<OrderChange> Reader => reader;

        public void Dispose() => leave();
    }
}
