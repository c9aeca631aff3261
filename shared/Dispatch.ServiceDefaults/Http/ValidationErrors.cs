using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>Collects every problem with a request so the client hears of all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public ValidationErrors Require(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    public ValidationErrors RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Add(field, $"{field} is required.");
        return Require(value.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "The request is not valid",
            detail: string.Join(" ", _errors.SelectMany(e => e.Value)));

    public static ValidationProblem For(string field, string message) => new ValidationErrors().Add(field, message).ToProblem();
}
