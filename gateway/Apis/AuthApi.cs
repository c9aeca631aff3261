using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
using System.Globalization;
using Dispatch.Gateway.Accounts;
using Dispatch.Gateway.Edge;
using Dispatch.Gateway.Telemetry;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>Signing in, and changing one's own password (the one thing a token of a one-time password opens).</summary>
public static class AuthApi
{
    private const int MaxUsernameLength = 64;
    private const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/auth/token", IssueTokenAsync).AllowAnonymous();
        endpoints.MapPost("/api/auth/password", ChangePasswordAsync).RequireAuthorization(AuthenticationSetup.PasswordChangePolicy);
        return endpoints;
    }

    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        TokenRequest request, HttpContext http, SignIn signIn, TokenWriter tokens, GatewayMetrics metrics, AuditTrail audit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrEmpty(request.Username), "username", "username is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "password is required.")
            .Require(request.Username is not { Length: > MaxUsernameLength }, "username", $"username is at most {MaxUsernameLength} characters.")
            .Require(request.Password is not { Length: > MaxPasswordLength }, "password", $"password is at most {MaxPasswordLength} characters.");
        if (errors.Any)
            return errors.ToProblem();

        var outcome = await signIn.TryAsync(request.Username!, request.Password!, ClientAddress.Of(http), cancellationToken);
        metrics.SignedIn(outcome);
        if (outcome.RetryAfter is { } wait)
            return TooManyFailures(http, wait);
        // One answer for an unknown username and a wrong password, so the answer does not tell which usernames exist.
        if (outcome.Account is not { } account)
            return Unauthorized("Sign-in failed", "The username or password is not correct.");
        var actor = new AuditActor(account.Id, account.Username, account.Role);
        if (account.IsDisabled)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, AuditSubject.Account(account.Id), "account disabled", cancellationToken, actor);
            return Unauthorized("Account disabled", "This account has been disabled; ask an administrator.");
        }
        await audit.RecordAsync(AuditActions.SignInSucceeded, AuditSubject.Account(account.Id),
            account.MustChangePassword ? "with a one-time password" : null, cancellationToken, actor);

        var caller = new Caller(account.Id, account.Username, account.Role,
            account.CommunityId, account.StreetId, account.DistrictId, account.TeamId);
        var (token, expiresIn) = account.MustChangePassword
            ? tokens.WritePasswordChange(caller, account.SessionGeneration)
            : tokens.Write(caller, account.SessionGeneration);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn, account.Role,
            account.CommunityId, account.TeamId, account.StreetId, account.DistrictId, account.MustChangePassword));
    }

    /// <summary>The caller's own password: the current one checked (within the sign-in limits), the new one by the policy; every session of the account ends.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, Caller caller, HttpContext http, SignIn signIn, AccountStore store, Passwords passwords,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "currentPassword is required.")
            .Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "newPassword is required.")
            .Require(request.CurrentPassword is not { Length: > MaxPasswordLength }, "currentPassword", $"currentPassword is at most {MaxPasswordLength} characters.");
        if (errors.Any)
            return errors.ToProblem();

        var outcome = await signIn.TryAsync(caller.Username, request.CurrentPassword!, ClientAddress.Of(http), cancellationToken);
        if (outcome.RetryAfter is { } wait)
            return TooManyFailures(http, wait);
        if (outcome.Account is not { } account || account.Id != caller.AccountId || account.IsDisabled)
            return ValidationErrors.For("currentPassword", "The current password is not correct.");
        if (PasswordProblem.For("newPassword", request.NewPassword!, account.Username, request.CurrentPassword) is { } refused)
            return refused;

        await store.SetPasswordAsync(account.Id, passwords.Hash(request.NewPassword!), mustChange: false, "password_changed", clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Unauthorized(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);

    // The same words whether the username exists or not: the limits count usernames as typed.
    private static ProblemHttpResult TooManyFailures(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: $"Too many failed sign-ins for this username from this address; try again in {seconds} s.");
    }
}
