namespace Dispatch.Teams.Domain;

/// <summary>志愿服务队伍 (volunteer team) or 社区社会组织 (community social organisation).</summary>
internal static class TeamKinds
{
    public const string VolunteerTeam = "volunteer_team";
    public const string SocialOrg = "social_org";

    public static IReadOnlyList<string> All { get; } = [VolunteerTeam, SocialOrg];
}
