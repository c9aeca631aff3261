namespace Dispatch.Teams.Apis;

/// <summary>
/// Body of POST /api/teams/{teamId}/members and PUT …/members/{memberId} (the whole record): every field nullable so a
/// missing one is a 400 naming it. <see cref="LeftOn"/> is the day the member left; without it they are still a member.
/// </summary>
internal sealed record MemberRequest(string? Name, string? Phone, string[]? Skills, DateOnly? JoinedOn, DateOnly? LeftOn);
