using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>Upserts <c>team_members</c> from <c>TeamMemberChanged</c>; an event older than the row changes nothing.</summary>
internal static class TeamMemberReadModel
{
    public static Task ApplyAsync(TeamMemberChanged member, UnitOfWork unit, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            insert into team_members (member_id, team_id, joined_on, left_on, version)
            values (@MemberId, @TeamId, @JoinedOn, @LeftOn, @Version)
            on conflict (member_id) do update
            set team_id = excluded.team_id, joined_on = excluded.joined_on, left_on = excluded.left_on, version = excluded.version
            where team_members.version < excluded.version
            """, new { member.MemberId, member.TeamId, member.JoinedOn, member.LeftOn, member.Version }, cancellationToken);
}
