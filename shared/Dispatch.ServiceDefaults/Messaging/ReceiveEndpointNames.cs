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
