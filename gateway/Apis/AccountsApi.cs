using System.Text.RegularExpressions;
using Dispatch.Gateway.Accounts;
using Dispatch.Gateway.Teams;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>Accounts: an admin creates any; a coordinator creates team accounts for the teams of its street.</summary>
public static partial class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var accounts = endpoints.MapGroup("/api/accounts").RequireAuthorization(Policies.CoordinatorOrAdmin);
        accounts.MapPost("/", CreateAsync);
        accounts.MapGet("/", ListAsync);
        return endpoints;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UsernamePattern();

    internal static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest request, Caller caller, AccountStore store, Passwords passwords, TeamRegistryClient registry,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
            return invalid;
        if (caller.IsCoordinator && request.Role != Roles.Team)
            return Problems.Forbidden($"A coordinator creates only team accounts, not {request.Role} accounts.");

        AccountBinding binding;
        try
        {
            var resolved = await ResolveAsync(request, registry, cancellationToken);
            if (resolved.Result is { } problem)
                return problem;
            binding = resolved.Binding!;
        }
        catch (TeamRegistryUnavailableException ex)
        {
            return Problems.ServiceUnavailable($"The account's place or team cannot be checked right now; nothing was created. {ex.Message}");
        }
        if (caller.IsCoordinator && binding.StreetId != caller.StreetId)
            return Problems.Forbidden("This team belongs to another street: a coordinator creates accounts only for its own street's teams.");

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Username = request.Username!,
            PasswordHash = passwords.Hash(request.Password!),
            Role = request.Role!,
            CommunityId = binding.CommunityId,
            StreetId = binding.StreetId,
            DistrictId = binding.DistrictId,
            TeamId = binding.TeamId,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await store.TryInsertAsync(account, cancellationToken))
            return Problems.Conflict("Username taken", $"There is already an account named '{account.Username}'.");
        return TypedResults.Created($"/api/accounts/{account.Id}", AccountResponse.From(account));
    }

    internal static async Task<Results<Ok<ItemsPage<AccountResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, AccountStore store, string? role, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require(role is null || Roles.All.Contains(role), "role", $"role must be one of {string.Join(", ", Roles.All)}.");
        if (Paging.Check(errors, page, pageSize).Any)
            return errors.ToProblem();
        if (caller.IsCoordinator && role is not (null or Roles.Team))
            return Problems.Forbidden("A coordinator sees only its street's team accounts.");

        var (pageNumber, size) = Paging.Of(page, pageSize);
        var (items, total) = caller.IsAdmin
            ? await store.ListAsync(role, null, pageNumber, size, cancellationToken)
            : await store.ListAsync(Roles.Team, caller.StreetId ?? Guid.Empty, pageNumber, size, cancellationToken);
        return TypedResults.Ok(new ItemsPage<AccountResponse>(items.Select(AccountResponse.From).ToList(), total));
    }

    private static ValidationProblem? Validate(CreateAccountRequest request)
    {
        var errors = new ValidationErrors()
            .Require(request.Username is not null && UsernamePattern().IsMatch(request.Username), "username",
                "username must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-'.")
            .Require(request.Password is { Length: >= 8 }, "password", "password must be at least 8 characters long.")
            .Require(request.Role is not null && Roles.All.Contains(request.Role), "role", $"role must be one of {string.Join(", ", Roles.All)}.");
        switch (request.Role)
        {
            case Roles.Branch:
                errors.Require(request.CommunityId is not null, "communityId", "A branch account needs communityId.");
                break;
            case Roles.Coordinator:
                errors.Require(request.StreetId is not null, "streetId", "A coordinator account needs streetId.");
                break;
            case Roles.Team:
                errors.Require(request.TeamId is not null, "teamId", "A team account needs teamId.");
                break;
        }
        return errors.Any ? errors.ToProblem() : null;
    }

    /// <summary>Fills the account's street and district (and a team's community) from the team registry, the owner of places and teams.</summary>
    private static async Task<(AccountBinding? Binding, ValidationProblem? Result)> ResolveAsync(
        CreateAccountRequest request, TeamRegistryClient registry, CancellationToken cancellationToken)
    {
        switch (request.Role)
        {
            case Roles.Branch:
                var community = await registry.GetCommunityAsync(request.CommunityId!.Value, cancellationToken);
                return community is null
                    ? (null, ValidationErrors.For("communityId", $"There is no community with id {request.CommunityId}."))
                    : (new AccountBinding(community.Id, community.StreetId, community.DistrictId, null), null);
            case Roles.Coordinator:
                var street = await registry.GetStreetAsync(request.StreetId!.Value, cancellationToken);
                return street is null
                    ? (null, ValidationErrors.For("streetId", $"There is no street with id {request.StreetId}."))
                    : (new AccountBinding(null, street.Id, street.DistrictId, null), null);
            case Roles.Team:
                var team = await registry.GetTeamAsync(request.TeamId!.Value, cancellationToken);
                return team is null
                    ? (null, ValidationErrors.For("teamId", $"There is no team with id {request.TeamId}."))
                    : (new AccountBinding(team.CommunityId, team.StreetId, team.DistrictId, team.Id), null);
            default:
                return (AccountBinding.None, null);
        }
    }
}
