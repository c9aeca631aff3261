using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// How many messages wait in each of the service's <c>_error</c> queues, asked of the broker itself (a passive
/// queue declare on a connection of its own): for the readiness check and the error-queue gauge.
/// </summary>
public sealed class ErrorQueueDepths(ReceiveEndpointNames endpoints, Uri broker, string? certificateAuthorityFile = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>Every error queue of the service with the messages ready in it (0 for one never created).</summary>
    /// <exception cref="BrokerNotAnsweringException">The broker did not answer within 3 s.</exception>
    public async Task<IReadOnlyDictionary<string, uint>> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await _gate.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerNotAnsweringException(ex);
        }
        try
        {
            var depths = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (var queue in endpoints.All.Select(e => e + "_error"))
                depths[queue] = await CountAsync(queue, timeout.Token);
            return depths;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
                                       or OperationCanceledException or IOException or TimeoutException)
        {
            await DropConnectionAsync();
            throw new BrokerNotAnsweringException(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    // An amqps:// URL turns TLS on (server name: its host); the cluster's own authority, when named, is trusted as the bus trusts it.
    private ConnectionFactory Factory()
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "error-queue-depths" };
        if (BrokerTls.Validation(certificateAuthorityFile) is { } validation)
            factory.Ssl.CertificateValidationCallback = validation;
        return factory;
    }

    /// <summary>Messages ready in <paramref name="queue"/>; 0 when it does not exist (nothing was ever parked).</summary>
    private async Task<uint> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var connection = _connection ??= await Factory().CreateConnectionAsync(cancellationToken);
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
