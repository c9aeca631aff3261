-- Accounts of every role; the place and team columns are copied from the team registry when the
-- account is created, so a token can carry them without asking the registry at sign-in.
create table accounts (
    id             uuid primary key,
    username       text not null unique,
    password_hash  text not null,
    role           text not null check (role in ('admin', 'coordinator', 'branch', 'team')),
    community_id   uuid null,
    street_id      uuid null,
    district_id    uuid null,
    team_id        uuid null,
    failed_logins  integer not null default 0,
    locked_until   timestamptz null,
    created_at     timestamptz not null default now()
);

create index accounts_role_street on accounts (role, street_id);
