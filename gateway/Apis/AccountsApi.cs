using Dispatch.Gateway.Accounts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>
/// Accounts: an admin manages every one; a coordinator the team accounts of its street's teams (an account it may
/// not manage is, to it, one that does not exist).
/// </summary>
public static class AccountsApi
{
    public const int MaxBatchRows = 200;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/api/accounts").RequireAuthorization(Policies.CoordinatorOrAdmin);
        accounts.MapPost("/", CreateAsync);
        accounts.MapGet("/", ListAsync);
        accounts.MapPost("/batch", CreateBatchAsync);
        accounts.MapGet("/{id:guid}", GetAsync);
        accounts.MapPost("/{id:guid}/reset-password", ResetPasswordAsync);
        accounts.MapPost("/{id:guid}/disable", DisableAsync);
        accounts.MapPost("/{id:guid}/enable", EnableAsync);
        return endpoints;
    }

    internal static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest request, Caller caller, AccountDrafts drafts, AccountStore store, CancellationToken cancellationToken)
    {
        var draft = await drafts.PrepareAsync(request, caller, cancellationToken);
        if (draft.Refusal is { } refusal)
            return refusal.IsInvalid ? refusal.ToValidationProblem() : refusal.ToProblem();
        var account = draft.Account!;
        if (!await store.TryInsertAsync(account, cancellationToken))
            return UsernameTaken(account.Username);
        return TypedResults.Created($"/api/accounts/{account.Id}", AccountResponse.From(account, draft.OneTimePassword));
    }

    /// <summary>
    /// Every row is made or reported on its own: a row that fails leaves the others made. With <c>Accept: text/csv</c>
    /// the same answer comes as a CSV file to print.
    /// </summary>
    internal static async Task<Results<Ok<AccountBatchResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CreateBatchAsync(
        AccountBatchRequest request, HttpRequest http, Caller caller, AccountDrafts drafts, AccountStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require(request.Accounts is { Count: > 0 }, "accounts", "accounts must list at least one account.")
            .Require(request.Accounts is not { Count: > MaxBatchRows }, "accounts", $"A batch holds at most {MaxBatchRows} accounts; send several.");
        if (errors.Any)
            return errors.ToProblem();

        var rows = new List<AccountBatchRowResult>(request.Accounts!.Count);
        for (var index = 0; index < request.Accounts.Count; index++)
        {
            if (request.Accounts[index] is not { } row)
            {
                rows.Add(Failed(index, null, null, new Dictionary<string, string[]> { ["account"] = ["The row is empty."] }));
                continue;
            }
            var draft = await drafts.PrepareAsync(
                new CreateAccountRequest(row.Username, null, row.Role, row.CommunityId, row.TeamId, row.StreetId), caller, cancellationToken);
            if (draft.Refusal is { } refusal)
                rows.Add(Failed(index, row.Username, row.Role, refusal.ToErrors()));
            else if (!await store.TryInsertAsync(draft.Account!, cancellationToken))
                rows.Add(Failed(index, draft.Account!.Username, row.Role,
                    new Dictionary<string, string[]> { ["username"] = [$"There is already an account named '{draft.Account.Username}'."] }));
            else
                rows.Add(new AccountBatchRowResult(index, AccountBatchRowResult.CreatedOutcome, draft.Account!.Username, draft.Account.Role,
                    draft.BoundTo, draft.Account.Id, draft.OneTimePassword, null));
        }
        var created = rows.Count(r => r.Outcome == AccountBatchRowResult.CreatedOutcome);
        var batch = new AccountBatchResponse(created, rows.Count - created, rows);
        return WantsCsv(http)
            ? TypedResults.File(AccountBatchCsv.Write(batch), "text/csv; charset=utf-8", "accounts.csv")
            : TypedResults.Ok(batch);
    }

    internal static async Task<Results<Ok<ItemsPage<AccountResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] AccountsQuery query, [AsParameters] Paging paging, Caller caller, AccountStore store, CancellationToken cancellationToken)
    {
        var errors = paging.Check(query.Check(new ValidationErrors()));
        if (errors.Any)
            return errors.ToProblem();
        if (caller.IsCoordinator && query.Role is not (null or Roles.Team))
            return Problems.Forbidden("A coordinator sees only its street's team accounts.");
        if (caller.IsCoordinator && query.StreetId is not null && query.StreetId != caller.StreetId)
            return Problems.Forbidden("A coordinator sees only its own street's accounts.");

        var search = query.ToSearch();
        if (caller.IsCoordinator)
            search = search with { Role = Roles.Team, StreetId = caller.StreetId ?? Guid.Empty };
        var (items, total) = await store.SearchAsync(search, paging, cancellationToken);
        return TypedResults.Ok(new ItemsPage<AccountResponse>(items.Select(a => AccountResponse.From(a)).ToList(), total));
    }

    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, AccountStore store, CancellationToken cancellationToken) =>
        await ManagedAsync(id, caller, store, cancellationToken) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : NotFound(id);

    /// <summary>A new one-time password, shown this once; the account must replace it at its next sign-in, and its sessions end.</summary>
    internal static async Task<Results<Ok<OneTimePasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(
        Guid id, Caller caller, AccountStore store, Passwords passwords, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(id, caller, store, cancellationToken) is null)
            return NotFound(id);
        var oneTimePassword = OneTimePasswords.New();
        await store.SetPasswordAsync(id, passwords.Hash(oneTimePassword), mustChange: true, "password_reset", clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new OneTimePasswordResponse(oneTimePassword));
    }

    /// <summary>The account can no longer sign in, and every service refuses its tokens within a minute.</summary>
    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> DisableAsync(
        Guid id, Caller caller, AccountStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(id, caller, store, cancellationToken) is null)
            return NotFound(id);
        if (id == caller.AccountId)
            return Problems.Conflict("Cannot disable yourself", "You cannot disable the account you are signed in with.");
        var account = await store.DisableAsync(id, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account!));
    }

    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> EnableAsync(
        Guid id, Caller caller, AccountStore store, CancellationToken cancellationToken)
    {
        if (await ManagedAsync(id, caller, store, cancellationToken) is null)
            return NotFound(id);
        var account = await store.EnableAsync(id, cancellationToken);
        return TypedResults.Ok(AccountResponse.From(account!));
    }

    /// <summary>The account when the caller may manage it: an admin any; a coordinator its street's team accounts.</summary>
    private static async Task<Account?> ManagedAsync(Guid id, Caller caller, AccountStore store, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(id, cancellationToken);
        return account is not null && (caller.IsAdmin || (account.Role == Roles.Team && caller.StreetId is { } street && account.StreetId == street))
            ? account
            : null;
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("account", id);

    private static bool WantsCsv(HttpRequest http) =>
        http.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult UsernameTaken(string username) =>
        Problems.Conflict("Username taken", $"There is already an account named '{username}'.");

    private static AccountBatchRowResult Failed(int index, string? username, string? role, IDictionary<string, string[]> errors) =>
        new(index, AccountBatchRowResult.FailedOutcome, username, role, null, null, null, errors);
}
