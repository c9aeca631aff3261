namespace Dispatch.Teams.Domain;

/// <summary>Where a team stands in the incubation base (孵化): applied → incubating → hatched, or suspended, or retired.</summary>
internal static class TeamStatus
{
    public const string Applied = "applied";
    public const string Incubating = "incubating";
    public const string Hatched = "hatched";
    public const string Suspended = "suspended";
    public const string Retired = "retired";

    public static IReadOnlyList<string> All { get; } = [Applied, Incubating, Hatched, Suspended, Retired];
}
