namespace Dispatch.Gateway.Teams;

/// <summary>The team registry could not answer (down, timing out, or failing): the gateway answers 503.</summary>
internal sealed class TeamRegistryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
