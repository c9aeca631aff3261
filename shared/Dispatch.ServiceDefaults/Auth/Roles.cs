namespace Dispatch.ServiceDefaults.Auth;

/// <summary>The roles of SPEC.md; each is also an authorization policy of the same name (<see cref="Policies"/>).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Branch = "branch";
    public const string Team = "team";

    public static IReadOnlyList<string> All { get; } = [Admin, Coordinator, Branch, Team];
}
