using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>The names of the service's receive endpoints (queues), collected while the bus configures them.</summary>
public sealed class ReceiveEndpointNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public void Add(string queue)
    {
        lock (_names)
            _names.Add(queue);
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_names)
                return _names.Order(StringComparer.Ordinal).ToList();
        }
    }
}

/// <summary>
/// Messages parked in the service's <c>_error</c> queues (a poison message, after its bounded retries).
/// Parked messages make the service Degraded — still ready, since the messages behind them keep
/// flowing — and the description names each queue and its count, so an operator sees them in
/// <c>/health/ready</c>. The counts come from the broker itself (a passive queue declare).
/// </summary>
internal sealed class ErrorQueueHealthCheck(ReceiveEndpointNames endpoints, Uri broker) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        await _gate.WaitAsync(timeout.Token);
        try
        {
            var parked = new Dictionary<string, object>();
            foreach (var queue in endpoints.All.Select(e => e + "_error"))
            {
                if (await CountAsync(queue, timeout.Token) is > 0 and var count)
                    parked[queue] = count;
            }
            return parked.Count == 0
                ? HealthCheckResult.Healthy("No message is parked in an error queue.")
                : HealthCheckResult.Degraded(
                    "Messages parked after their retries: " + string.Join(", ", parked.Select(p => $"{p.Value} in {p.Key}")) + ".",
                    data: parked);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
                                       or OperationCanceledException or IOException or TimeoutException)
        {
            await DropConnectionAsync();
            return HealthCheckResult.Degraded("The error queues cannot be read: the broker does not answer.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Messages ready in <paramref name="queue"/>; 0 when it does not exist (nothing was ever parked).</summary>
    private async Task<uint> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var connection = _connection ??= await new ConnectionFactory { Uri = broker, ClientProvidedName = "error-queue-health" }
            .CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private async Task DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            try { await connection.DisposeAsync(); }
            catch (Exception) { /* already broken */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _gate.Dispose();
    }
}
