namespace Dispatch.Teams.Domain;

/// <summary>When a team's volunteers can serve; a team lists one or more.</summary>
internal static class Availability
{
    public const string Weekdays = "weekdays";
    public const string Weekends = "weekends";
    public const string Evenings = "evenings";

    public static IReadOnlyList<string> All { get; } = [Weekdays, Weekends, Evenings];
}
