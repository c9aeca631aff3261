-- How far a team may raise its own capacity: its coordinator's ceiling, until then the capacity it was registered with.
alter table teams add column capacity_ceiling int;
update teams set capacity_ceiling = capacity;
alter table teams alter column capacity_ceiling set not null;
alter table teams add constraint teams_capacity_ceiling_check check (capacity <= capacity_ceiling and capacity_ceiling <= 50);

-- Every change of a service list, with who made it: applied at once, or proposed by the team and waiting for its
-- coordinator (categories, skills, service area), then approved, rejected with a reason, or withdrawn by a newer
-- proposal. before/after hold only the fields the change touches.
create table team_changes (
    id              uuid primary key,
    team_id         uuid not null references teams (id),
    status          text not null check (status in ('applied', 'pending', 'approved', 'rejected', 'withdrawn')),
    before          jsonb not null,
    after           jsonb not null,
    changed_by      text not null,
    changed_by_role text not null,
    changed_at      timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    reason          text,
    -- The order changes were made in, also within one transaction (two changes of one edit share changed_at).
    seq             bigint generated always as identity
);
create index team_changes_team on team_changes (team_id, seq desc);
-- At most one proposal waits per team: a newer one withdraws it.
create unique index team_changes_one_pending on team_changes (team_id) where status = 'pending';

-- Team names become unique in a district, not only in a street: a team is known by its name across the
-- district's streets (directed orders, the matching meeting). Earlier namesakes in other streets keep their
-- name with their street's appended, the oldest keeps it as it was, and the change log says so.
with namesakes as (
    select t.id, t.name, s.name as street_name,
           row_number() over (partition by t.district_id, t.name order by t.created_at, t.id) as rank
    from teams t join streets s on s.id = t.street_id
), renamed as (
    update teams t set name = n.name || '（' || n.street_name || '）', version = t.version + 1, updated_at = now()
    from namesakes n
    where n.id = t.id and n.rank > 1
    returning t.id, n.name as old_name, t.name as new_name
)
insert into team_changes (id, team_id, status, before, after, changed_by, changed_by_role, changed_at)
select gen_random_uuid(), id, 'applied', jsonb_build_object('name', old_name), jsonb_build_object('name', new_name),
       'migration', 'system', now()
from renamed;

alter table teams drop constraint teams_street_name_unique;
alter table teams add constraint teams_district_name_unique unique (district_id, name);
