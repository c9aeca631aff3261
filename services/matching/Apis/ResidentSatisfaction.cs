namespace Dispatch.Matching.Apis;

/// <summary>
/// The residents' own ratings (rated in the period asked): how many, their average (null before the first), and the
/// favourable share, 4 or 5 out of 5 — the headline figure of the ordering platforms ("99.9 % favourable").
/// </summary>
internal sealed record ResidentSatisfaction(long Ratings, double? AverageScore, double FavourableRate);
