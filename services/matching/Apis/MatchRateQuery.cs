namespace Dispatch.Matching.Apis;

/// <summary>
/// Whose match rate and over which period, bound from the query string: a street (an admin names one), a community
/// within it, and the publication times from (inclusive) to (exclusive).
/// </summary>
internal sealed record MatchRateQuery(Guid? StreetId, Guid? CommunityId, DateTimeOffset? From, DateTimeOffset? To);
