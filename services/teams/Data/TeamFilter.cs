namespace Dispatch.Teams.Data;

/// <summary>The optional filters of GET /api/teams; null means "any".</summary>
internal sealed record TeamFilter(string? Status, Guid? CommunityId, Guid? StreetId, string? Category, string? Skill, string? Text);
