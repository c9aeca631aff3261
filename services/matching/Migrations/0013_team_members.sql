-- Read model of the team registry's member lists: who may be named in a completion's attendance.
-- Only the membership and its dates: names and phones stay in the registry.
create table team_members (
    member_id  uuid primary key,
    team_id    uuid not null,
    joined_on  date not null,
    left_on    date,
    version    bigint not null
);
create index team_members_team on team_members (team_id);
