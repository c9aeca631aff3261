using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// A signed-in caller whose role a policy does not admit gets the same RFC 9457 403 the handlers answer,
/// saying which roles may; the framework's own forbid would send an empty 403. Challenges (401) go the framework's way.
/// </summary>
internal sealed class ForbiddenProblemHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
        {
            await _framework.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var allowed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles).Distinct().ToList() ?? [];
        var role = Caller.FromPrincipal(context.User).Role;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = allowed.Count > 0
                    ? $"Only {string.Join(" or ", allowed)} accounts may do this; you are signed in as {role}."
                    : "This account may not do this.",
            },
        });
    }
}
