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
        if (!messages.Contains(message, StringComparer.Ordinal))
            messages.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public ValidationErrors Require(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    public ValidationErrors RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Missing(field);
        return Require(value.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
    }

    /// <summary>A name or title: required, at most <paramref name="maxLength"/> characters, nothing invisible (see <see cref="PlainText"/>).</summary>
    public ValidationErrors RequireName(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? Missing(field) : CheckName(value, field, maxLength);

    /// <summary>As <see cref="RequireName"/> for a name that may be left out.</summary>
    public ValidationErrors OptionalName(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? this : CheckName(value, field, maxLength);

    private ValidationErrors CheckName(string value, string field, int maxLength)
    {
        if (PlainText.InvisibleCharacterIn(value) is { } found)
            return Add(field, $"{field} must not hold control, format or line-separating characters ({found}).");
        return Require(PlainText.Composed(value.Trim()).Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
    }

    // A field whose value was already refused (a spreadsheet cell that could not be read) is not missing as well.
    private ValidationErrors Missing(string field) => _errors.ContainsKey(field) ? this : Add(field, $"{field} is required.");

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "The request is not valid",
            detail: string.Join(" ", _errors.SelectMany(e => e.Value)));

    public static ValidationProblem For(string field, string message) => new ValidationErrors().Add(field, message).ToProblem();

    /// <summary>
    /// The problems of several checks of one item, in order (its cells as read, then its rules), by field, as one 400
    /// would list them. A field an earlier check faulted keeps only that check's words: a cell that could not be read
    /// also fails the rules, and saying so again would only repeat it.
    /// </summary>
    public static Dictionary<string, string[]> Merge(params ValidationErrors[] all)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var errors in all)
            foreach (var (field, messages) in errors._errors)
                merged.TryAdd(field, [.. messages]);
        return merged;
    }
}
