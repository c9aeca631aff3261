namespace Dispatch.Teams.Domain;

/// <summary>Where a team stands in the incubation base (孵化).</summary>
internal static class TeamStatus
{
    public const string Incubating = "incubating";
    public const string Hatched = "hatched";
    public const string Suspended = "suspended";

    public static IReadOnlyList<string> All { get; } = [Incubating, Hatched, Suspended];
}
