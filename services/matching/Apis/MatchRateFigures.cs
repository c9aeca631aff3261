namespace Dispatch.Matching.Apis;

internal sealed record MatchRateFigures(
    long Published,
    long Claimed,
    long Completed,
    double MatchRate,
    double FulfilmentRate,
    double? MedianSecondsToClaim,
    IReadOnlyList<CommunityMatchRate> ByCommunity,
    IReadOnlyList<CategoryMatchRate> ByCategory,
    double? P90SecondsToClaim,
    IReadOnlyList<TeamMatchRate> ByTeam,
    IReadOnlyList<WeekMatchRate> ByWeek,
    ResidentSatisfaction ResidentSatisfaction)
{
    public static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

internal sealed record CommunityMatchRate(
    Guid CommunityId, string? CommunityName, long Published, long Claimed, long Completed, double MatchRate,
    double FulfilmentRate, double? MedianSecondsToClaim, double? P90SecondsToClaim);

internal sealed record CategoryMatchRate(
    string Category, string CategoryName, long Published, long Claimed, long Completed, double MatchRate,
    double FulfilmentRate, double? MedianSecondsToClaim, double? P90SecondsToClaim);

/// <summary>A team's orders (held or served): how many, how many completed, and how fast it took them.</summary>
internal sealed record TeamMatchRate(
    Guid TeamId, string? TeamName, long Orders, long Completed, double FulfilmentRate, double? MedianSecondsToClaim, double? P90SecondsToClaim);

/// <summary>Orders published in the ISO week starting Monday <see cref="WeekStart"/> (UTC).</summary>
internal sealed record WeekMatchRate(
    string WeekStart, long Published, long Claimed, long Completed, double MatchRate, double FulfilmentRate,
    double? MedianSecondsToClaim, double? P90SecondsToClaim);
