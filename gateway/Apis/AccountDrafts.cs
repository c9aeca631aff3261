using System.Text.RegularExpressions;
using Dispatch.Gateway.Accounts;
using Dispatch.Gateway.Teams;
using Dispatch.ServiceDefaults.Auth;

namespace Dispatch.Gateway.Apis;

/// <summary>
/// Turns a request for a new account into the account to insert, or says why not: the checks POST /api/accounts and
/// every row of POST /api/accounts/batch share (fields, the caller's scope, the place or team in the team registry,
/// the password policy).
/// </summary>
internal sealed partial class AccountDrafts(TeamRegistryClient registry, Passwords passwords, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UsernamePattern();

    public async Task<AccountDraft> PrepareAsync(CreateAccountRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
                errors[field] = list = [];
            list.Add(message);
        }

        if (request.Username is not null && !UsernamePattern().IsMatch(request.Username))
            Add("username", "username must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-'.");
        if (request.Role is null || !Roles.All.Contains(request.Role))
            Add("role", $"role must be one of {string.Join(", ", Roles.All)}.");
        switch (request.Role)
        {
            case Roles.Admin when request.Username is null:
                Add("username", "An admin account needs a username.");
                break;
            case Roles.Branch when request.CommunityId is null:
                Add("communityId", "A branch account needs communityId.");
                break;
            case Roles.Coordinator when request.StreetId is null:
                Add("streetId", "A coordinator account needs streetId.");
                break;
            case Roles.Team when request.TeamId is null:
                Add("teamId", "A team account needs teamId.");
                break;
        }
        var rules = request.Password is null ? [] : PasswordPolicy.Check(request.Password, request.Username ?? "");
        foreach (var rule in rules)
            Add("password", rule.Message);
        if (errors.Count > 0)
            return AccountDraft.Invalid(errors, rules);
        if (caller.IsCoordinator && request.Role != Roles.Team)
            return AccountDraft.Forbidden($"A coordinator creates only team accounts, not {request.Role} accounts.");

        AccountBinding binding;
        try
        {
            var (resolved, field, message) = await ResolveAsync(request, cancellationToken);
            if (resolved is null)
                return AccountDraft.Invalid(new() { [field!] = [message!] }, []);
            binding = resolved;
        }
        catch (TeamRegistryUnavailableException ex)
        {
            return AccountDraft.Unavailable($"The account's place or team cannot be checked right now; nothing was created. {ex.Message}");
        }
        if (caller.IsCoordinator && binding.StreetId != caller.StreetId)
            return AccountDraft.Forbidden("This team belongs to another street: a coordinator creates accounts only for its own street's teams.");

        var oneTimePassword = request.Password is null ? OneTimePasswords.New() : null;
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Username = request.Username ?? DefaultUsername(request.Role!, binding),
            PasswordHash = passwords.Hash(request.Password ?? oneTimePassword!),
            Role = request.Role!,
            CommunityId = binding.CommunityId,
            StreetId = binding.StreetId,
            DistrictId = binding.DistrictId,
            TeamId = binding.TeamId,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = oneTimePassword is not null || request.MustChangePassword == true,
        };
        return new AccountDraft(account, oneTimePassword, binding.Name, null);
    }

    /// <summary>The role and the last eight hex digits of the place or team (the random part of a version-7 id): <c>team-3f9a2c1b</c>.</summary>
    private static string DefaultUsername(string role, AccountBinding binding)
    {
        var bound = binding.TeamId ?? (role == Roles.Coordinator ? binding.StreetId : binding.CommunityId) ?? Guid.NewGuid();
        return $"{role}-{bound.ToString("N")[^8..]}";
    }

    /// <summary>Fills the account's street and district (and a team's community) from the team registry, the owner of places and teams.</summary>
    private async Task<(AccountBinding? Binding, string? Field, string? Message)> ResolveAsync(CreateAccountRequest request, CancellationToken cancellationToken)
    {
        switch (request.Role)
        {
            case Roles.Branch:
                var community = await registry.GetCommunityAsync(request.CommunityId!.Value, cancellationToken);
                return community is null
                    ? (null, "communityId", $"There is no community with id {request.CommunityId}.")
                    : (new AccountBinding(community.Id, community.StreetId, community.DistrictId, null, community.BranchName ?? community.Name), null, null);
            case Roles.Coordinator:
                var street = await registry.GetStreetAsync(request.StreetId!.Value, cancellationToken);
                return street is null
                    ? (null, "streetId", $"There is no street with id {request.StreetId}.")
                    : (new AccountBinding(null, street.Id, street.DistrictId, null, street.Name), null, null);
            case Roles.Team:
                var team = await registry.GetTeamAsync(request.TeamId!.Value, cancellationToken);
                return team is null
                    ? (null, "teamId", $"There is no team with id {request.TeamId}.")
                    : (new AccountBinding(team.CommunityId, team.StreetId, team.DistrictId, team.Id, team.Name), null, null);
            default:
                return (AccountBinding.None, null, null);
        }
    }
}
