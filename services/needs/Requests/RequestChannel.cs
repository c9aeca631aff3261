namespace Dispatch.Needs.Requests;

/// <summary>How a request came in: the resident on the public page, or a branch member for them (帮办).</summary>
internal static class RequestChannel
{
    public const string Online = "online";
    public const string Assisted = "assisted";
}
