using Dispatch.Gateway.Accounts;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>An account ready to insert (with its one-time password, if it got one, and the name it is bound to), or why not.</summary>
internal sealed record AccountDraft(Account? Account, string? OneTimePassword, string? BoundTo, AccountRefusal? Refusal)
{
    public static AccountDraft Invalid(Dictionary<string, List<string>> errors, IReadOnlyList<PasswordRule> rules) =>
        new(null, null, null, new AccountRefusal(StatusCodes.Status400BadRequest, null,
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), [.. rules.Select(r => r.Code)]));

    public static AccountDraft Forbidden(string detail) => new(null, null, null, new AccountRefusal(StatusCodes.Status403Forbidden, detail, null, []));

    public static AccountDraft Unavailable(string detail) => new(null, null, null, new AccountRefusal(StatusCodes.Status503ServiceUnavailable, detail, null, []));
}

/// <summary>Why an account was not made: a status, and either field errors (400) or a sentence.</summary>
internal sealed record AccountRefusal(int Status, string? Detail, Dictionary<string, string[]>? Errors, string[] PasswordRules)
{
    public bool IsInvalid => Status == StatusCodes.Status400BadRequest;

    /// <summary>A refusal that is not about the fields: the caller may not (403), or the registry cannot say now (503).</summary>
    public ProblemHttpResult ToProblem() =>
        Status == StatusCodes.Status403Forbidden ? Problems.Forbidden(Detail!) : Problems.ServiceUnavailable(Detail!);

    /// <summary>The 400 of field errors; the codes of broken password rules go in <c>passwordRules</c>, for the UI to say in Chinese.</summary>
    public ValidationProblem ToValidationProblem() =>
        TypedResults.ValidationProblem(Errors!, title: "The request is not valid",
            detail: string.Join(" ", Errors!.SelectMany(e => e.Value)),
            extensions: PasswordRules.Length > 0 ? new Dictionary<string, object?> { ["passwordRules"] = PasswordRules } : null);

    /// <summary>As a batch row reports it: by field, the sentence of a refusal under <c>account</c>.</summary>
    public IDictionary<string, string[]> ToErrors() => Errors ?? new Dictionary<string, string[]> { ["account"] = [Detail!] };
}
