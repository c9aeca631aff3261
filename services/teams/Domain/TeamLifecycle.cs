namespace Dispatch.Teams.Domain;

/// <summary>
/// The one place that says which team transitions are legal. An applicant is taken into incubation;
/// hatching makes an incubating team able to claim orders (and reinstates a suspended one);
/// suspending stops it for a while; retiring ends it for good (nothing leaves retired).
/// Handlers and the store ask this class, they never re-decide.
/// </summary>
internal static class TeamLifecycle
{
    private static readonly Dictionary<TeamAction, (string[] From, string To)> Transitions = new()
    {
        [TeamAction.Incubate] = ([TeamStatus.Applied], TeamStatus.Incubating),
        [TeamAction.Hatch] = ([TeamStatus.Incubating, TeamStatus.Suspended], TeamStatus.Hatched),
        [TeamAction.Suspend] = ([TeamStatus.Incubating, TeamStatus.Hatched], TeamStatus.Suspended),
        [TeamAction.Retire] = ([TeamStatus.Applied, TeamStatus.Incubating, TeamStatus.Hatched, TeamStatus.Suspended], TeamStatus.Retired),
    };

    /// <summary>The status a team registered by a coordinator (POST /api/teams, the roster import) starts in.</summary>
    public static string Initial => TeamStatus.Incubating;

    /// <summary>The status an application (POST /api/teams/applications) starts in.</summary>
    public static string Application => TeamStatus.Applied;

    public static IReadOnlyList<string> From(TeamAction action) => Transitions[action].From;

    public static string To(TeamAction action) => Transitions[action].To;

    public static bool Allows(string status, TeamAction action) => Transitions[action].From.Contains(status);

    /// <summary>The status after <paramref name="action"/>, or null when it is not legal from <paramref name="status"/>.</summary>
    public static string? Next(string status, TeamAction action) => Allows(status, action) ? To(action) : null;

    /// <summary>A retired team's service list is history: it is not edited any more.</summary>
    public static bool MayEditProfile(string status) => status != TeamStatus.Retired;
}
