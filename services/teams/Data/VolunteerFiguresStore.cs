using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Teams.Data;

/// <summary>
/// A street's volunteer figures for a year, counted where the volunteers are registered: each member under the
/// community of their team. Registered: a member some day of the year; active: served hours that still count (a
/// current record above 0); hours: the ledger's current records, plus orders a team reported only as totals.
/// </summary>
internal sealed class VolunteerFiguresStore(Database database)
{
    public Task<IReadOnlyList<CommunityVolunteers>> VolunteersAsync(Guid streetId, DateOnly from, DateOnly to, CancellationToken ct) =>
        database.QueryAsync<CommunityVolunteers>("""
            with registered as (
                select t.community_id, count(*)::int as members
                from members m join teams t on t.id = m.team_id
                where t.street_id = @streetId and m.joined_on <= @to and (m.left_on is null or m.left_on >= @from)
                group by t.community_id),
            active as (
                select t.community_id, count(distinct r.member_id)::int as members
                from service_records r join teams t on t.id = r.team_id
                where t.street_id = @streetId and r.served_on between @from and @to and r.hours > 0
                  and not exists (select 1 from service_records c where c.corrects_id = r.id)
                group by t.community_id)
            select coalesce(g.community_id, a.community_id) as community_id, coalesce(g.members, 0) as registered, coalesce(a.members, 0) as active
            from registered g full join active a on a.community_id = g.community_id
            """, new { streetId, from, to }, ct);

    public Task<IReadOnlyList<TeamYear>> TeamsAsync(Guid streetId, DateOnly from, DateOnly to, CancellationToken ct) =>
        database.QueryAsync<TeamYear>("""
            with ledger as (
                select r.team_id, sum(r.hours) as hours
                from service_records r join teams t on t.id = r.team_id
                where t.street_id = @streetId and r.served_on between @from and @to
                  and not exists (select 1 from service_records c where c.corrects_id = r.id)
                group by r.team_id),
            served as (
                select s.team_id, count(*)::int as orders, sum(case when s.with_attendance then 0 else s.service_hours end) as reported
                from team_services s join teams t on t.id = s.team_id
                where t.street_id = @streetId and s.served_on between @from and @to
                group by s.team_id)
            select t.id as team_id, t.name as team_name, t.community_id,
                   coalesce(l.hours, 0) + coalesce(s.reported, 0) as service_hours, coalesce(s.orders, 0) as orders_served
            from teams t
            left join ledger l on l.team_id = t.id
            left join served s on s.team_id = t.id
            where t.street_id = @streetId and (l.team_id is not null or s.team_id is not null)
            """, new { streetId, from, to }, ct);
}
