namespace Dispatch.DemoStreet;

/// <summary>A step of the load failed; the message says which and what the gateway answered.</summary>
internal sealed class DemoLoadException(string message) : Exception(message);
