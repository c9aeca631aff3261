namespace Dispatch.Needs.Apis;

internal sealed record RatingRequest(int? Score, string? Comment);
