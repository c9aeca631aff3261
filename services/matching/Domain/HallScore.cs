namespace Dispatch.Matching.Domain;

/// <summary>How well an order suits a team (0–100) and why, in words a team leader reads.</summary>
internal sealed record HallScore(int Score, string Reason);
