namespace Dispatch.ServiceDefaults.Correlation;

/// <summary>
/// The id that follows one piece of work across the system: accepted or created at the edge,
/// passed on in the <c>X-Correlation-Id</c> header of HTTP calls and of every message.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const string LogScopeKey = "CorrelationId";

    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current
    {
        get => CurrentValue.Value;
        set => CurrentValue.Value = value;
    }

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Accepts a client's id only when it is short and plain, so logs cannot be forged through it.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
