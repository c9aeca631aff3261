using Dispatch.Gateway.Accounts;
using Dispatch.Gateway.Edge;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(EdgeRateLimiting.TokenPolicy);
        return endpoints;
    }

    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        TokenRequest request, SignIn signIn, TokenWriter tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrEmpty(request.Username), "username", "username is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "password is required.");
        if (errors.Any)
            return errors.ToProblem();

        var outcome = await signIn.TryAsync(request.Username!, request.Password!, cancellationToken);
        if (outcome.LockedUntil is { } until)
            return Unauthorized($"Too many failed sign-ins: the account is locked until {until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        // One answer for an unknown username and a wrong password, so the answer does not tell which usernames exist.
        if (outcome.Account is not { } account)
            return Unauthorized("The username or password is not correct.");

        var caller = new Caller(account.Id, account.Username, account.Role,
            account.CommunityId, account.StreetId, account.DistrictId, account.TeamId);
        var (token, expiresIn) = tokens.Write(caller);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn, account.Role,
            account.CommunityId, account.TeamId, account.StreetId, account.DistrictId));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: detail);
}
