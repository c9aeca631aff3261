namespace Dispatch.Teams.Data;

/// <summary>Which of a team's members a list shows: all, or only those who have not left (<paramref name="Current"/>), matching a name.</summary>
internal sealed record MemberFilter(bool? Current, string? Name);
