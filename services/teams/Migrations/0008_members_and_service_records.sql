-- A team's members (its volunteers). The phone is personal data: only the team and its street's
-- coordinators read it. A member who leaves keeps their row (and their service records) with left_on set.
create table members (
    id           uuid primary key,
    team_id      uuid not null references teams (id),
    name         text not null,
    phone        text,
    skills       text[] not null default '{}',
    joined_on    date not null,
    left_on      date,
    -- Grows with every change; TeamMemberChanged carries it so the matching service ignores stale events.
    version      bigint not null,
    recorded_by  text not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint members_left_after_joining check (left_on is null or left_on >= joined_on)
);
-- Two volunteers may share a name; a name and phone together is one person (an import run twice adds nobody).
create unique index members_team_person on members (team_id, name, coalesce(phone, ''));

-- Once a team keeps a member list, members_count is the number of members who have not left: it may be 0.
alter table teams drop constraint teams_members_count_check;
alter table teams add constraint teams_members_count_check check (members_count between 0 and 10000);

-- Every completed order of a team, from OrderCompleted: where and when it served and what it reported.
-- The station's figures count orders and the hours of orders reported only as totals from here.
create table team_services (
    need_id           uuid primary key,
    team_id           uuid not null,
    community_id      uuid,
    category          text,
    served_on         date not null,
    service_hours     numeric(10, 2) not null,
    volunteers_count  int not null,
    -- true when the team named who served: the hours are then the members' service records.
    with_attendance   boolean not null,
    completed_at      timestamptz not null
);
create index team_services_team on team_services (team_id, served_on);

-- The volunteers' service-hours ledger (志愿服务记录). Rows are only ever added: a correction is a new row
-- naming the row it corrects (corrects_id) and why; the corrected row stays as it was. A row nobody corrects
-- is current, and a member's hours are the sum over current rows.
create table service_records (
    id            uuid primary key,
    member_id     uuid not null references members (id),
    team_id       uuid not null references teams (id),
    need_id       uuid not null,
    served_on     date not null,
    category      text not null,
    community_id  uuid not null,
    hours         numeric(6, 2) not null check (hours between 0 and 24),
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    corrects_id   uuid references service_records (id),
    reason        text,
    constraint service_records_correction_has_reason check (corrects_id is null or reason is not null),
    -- One correction per row, so the corrections of a record form one line and two racing ones cannot both win.
    constraint service_records_corrected_once unique (corrects_id)
);
-- One attendance row per member and order: a redelivered completion adds nothing.
create unique index service_records_attendance on service_records (need_id, member_id) where corrects_id is null;
create index service_records_member on service_records (member_id, served_on);
create index service_records_team on service_records (team_id, served_on);

-- Service-record certificates (志愿服务记录证明) as printed: the verification page shows exactly these fields.
create table certificates (
    code              text primary key,
    member_id         uuid not null references members (id),
    team_id           uuid not null references teams (id),
    volunteer_name    text not null,
    organisation      text not null,
    issuer            text not null,
    period_from       date not null,
    period_to         date not null,
    hours             numeric(10, 2) not null,
    services          jsonb not null,
    issued_on         date not null,
    issued_by         text not null,
    issued_at         timestamptz not null
);
create index certificates_member on certificates (member_id, issued_at);
