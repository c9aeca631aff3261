using Dispatch.Gateway.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>A password the policy refuses, as the 400 naming the field, each broken rule's sentence and its code.</summary>
internal static class PasswordProblem
{
    public static ValidationProblem? For(string field, string password, string username, string? currentPassword = null)
    {
        var broken = PasswordPolicy.Check(password, username, currentPassword);
        return broken.Count == 0
            ? null
            : new AccountRefusal(StatusCodes.Status400BadRequest, null,
                new Dictionary<string, string[]> { [field] = [.. broken.Select(rule => rule.Message)] }, [.. broken.Select(rule => rule.Code)])
                .ToValidationProblem();
    }
}
