namespace Dispatch.Matching.Data;

internal sealed record MatchFigures(
    MatchCounts Totals,
    IReadOnlyList<MatchCounts> ByCommunity,
    IReadOnlyList<MatchCounts> ByCategory,
    IReadOnlyList<MatchCounts> ByTeam,
    IReadOnlyList<MatchCounts> ByWeek,
    SatisfactionCounts Residents);
