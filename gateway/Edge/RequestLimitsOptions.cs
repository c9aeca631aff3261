namespace Dispatch.Gateway.Edge;

/// <summary><c>RequestLimits__MaxRequestBodySize</c>: the largest request body the gateway accepts, in bytes (a route may allow more).</summary>
internal sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
