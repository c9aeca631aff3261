namespace Dispatch.Matching.Apis;

internal sealed record MatchRateFigures(
    long Published,
    long Claimed,
    long Completed,
    double MatchRate,
    double FulfilmentRate,
    double? MedianSecondsToClaim,
    IReadOnlyList<CommunityMatchRate> ByCommunity,
    IReadOnlyList<CategoryMatchRate> ByCategory)
{
    public static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}

internal sealed record CommunityMatchRate(Guid CommunityId, string? CommunityName, long Published, long Claimed, long Completed, double MatchRate);

internal sealed record CategoryMatchRate(string Category, string CategoryName, long Published, long Claimed, long Completed, double MatchRate);
