namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>The broker does not answer (it is down, or did not within a few seconds).</summary>
public sealed class BrokerNotAnsweringException(Exception inner) : Exception("The broker does not answer.", inner);
