-- Teams and their service list. street_id and district_id copy the community's place so that
-- scope checks and filters need no join; a community never moves between streets.
create table teams (
    id             uuid primary key,
    name           text not null,
    kind           text not null check (kind in ('volunteer_team', 'social_org')),
    community_id   uuid not null references communities (id),
    street_id      uuid not null references streets (id),
    district_id    uuid not null references districts (id),
    categories     text[] not null,
    skills         text[] not null,
    service_area   text not null check (service_area in ('community', 'street', 'district')),
    capacity       int not null check (capacity between 1 and 50),
    members_count  int not null check (members_count between 1 and 10000),
    leader_name    text not null,
    leader_phone   text not null,
    status         text not null check (status in ('incubating', 'hatched', 'suspended')),
    hatched_at     timestamptz,
    suspended_at   timestamptz,
    -- Grows with every change; events carry it so consumers ignore stale ones.
    version        bigint not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint teams_street_name_unique unique (street_id, name)
);
create index teams_community on teams (community_id);
create index teams_status_name on teams (status, name);

-- Every status change of a team, with who made it and why: the incubation record coordinators report from.
create table team_history (
    id           bigint generated always as identity primary key,
    team_id      uuid not null references teams (id),
    at           timestamptz not null,
    from_status  text,
    to_status    text not null,
    actor        text not null,
    reason       text
);
create index team_history_team on team_history (team_id, at);
