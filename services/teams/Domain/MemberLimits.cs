namespace Dispatch.Teams.Domain;

/// <summary>The bounds of a member's record and of the hours one member serves on one order.</summary>
internal static class MemberLimits
{
    public const int NameLength = 50;
    public const int Skills = 20;
    public const int SkillLength = 50;

    /// <summary>One order is one session of service (its start to its end): more than a day is a typing mistake.</summary>
    public const decimal MaxHoursPerOrder = 24;

    public static readonly DateOnly EarliestJoinedOn = new(1950, 1, 1);
}
