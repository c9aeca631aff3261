namespace Dispatch.Teams.Domain;

/// <summary>
/// The one place that says which team transitions are legal. A registered team starts
/// incubating; hatching makes it able to claim orders (and reinstates a suspended team);
/// suspending stops it. Handlers and the store ask this class, they never re-decide.
/// </summary>
internal static class TeamLifecycle
{
    private static readonly Dictionary<TeamAction, (string[] From, string To)> Transitions = new()
    {
        [TeamAction.Hatch] = ([TeamStatus.Incubating, TeamStatus.Suspended], TeamStatus.Hatched),
        [TeamAction.Suspend] = ([TeamStatus.Incubating, TeamStatus.Hatched], TeamStatus.Suspended),
    };

    /// <summary>The status every newly registered team has.</summary>
    public static string Initial => TeamStatus.Incubating;

    public static IReadOnlyList<string> From(TeamAction action) => Transitions[action].From;

    public static string To(TeamAction action) => Transitions[action].To;

    public static bool Allows(string status, TeamAction action) => Transitions[action].From.Contains(status);

    /// <summary>The status after <paramref name="action"/>, or null when it is not legal from <paramref name="status"/>.</summary>
    public static string? Next(string status, TeamAction action) => Allows(status, action) ? To(action) : null;
}
