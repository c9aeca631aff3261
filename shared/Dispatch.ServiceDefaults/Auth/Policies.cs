using Microsoft.AspNetCore.Authorization;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// The authorization policies endpoints name in <c>RequireAuthorization</c>: which roles may call at all.
/// What depends on the resource (own community, street or team) stays in the handler.
/// </summary>
public static class Policies
{
    public const string Admin = Roles.Admin;
    public const string Coordinator = Roles.Coordinator;
    public const string Branch = Roles.Branch;
    public const string Team = Roles.Team;
    public const string CoordinatorOrAdmin = "coordinator-or-admin";
    public const string BranchCoordinatorOrAdmin = "branch-coordinator-or-admin";
    public const string TeamCoordinatorOrAdmin = "team-coordinator-or-admin";
    public const string TeamOrCoordinator = "team-or-coordinator";

    /// <summary>Each policy and the roles it admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [Coordinator] = [Roles.Coordinator],
        [Branch] = [Roles.Branch],
        [Team] = [Roles.Team],
        [CoordinatorOrAdmin] = [Roles.Coordinator, Roles.Admin],
        [BranchCoordinatorOrAdmin] = [Roles.Branch, Roles.Coordinator, Roles.Admin],
        [TeamCoordinatorOrAdmin] = [Roles.Team, Roles.Coordinator, Roles.Admin],
        [TeamOrCoordinator] = [Roles.Team, Roles.Coordinator],
    };

    internal static AuthorizationBuilder AddDispatchPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in RolesOf)
            builder.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
        return builder;
    }
}
