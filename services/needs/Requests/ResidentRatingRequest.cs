namespace Dispatch.Needs.Requests;

/// <summary>The resident's rating of the service: 1 to 5, and a comment.</summary>
internal sealed record ResidentRatingRequest(int? Score, string? Comment);
