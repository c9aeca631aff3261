-- Needs: what a branch asks for, with the resident's contact details that never leave this database
-- in an event. status mirrors the order's state from matching's events; order_version is the
-- newest order version applied, so an older or repeated event changes nothing.
create table needs (
    id                  uuid primary key,
    community_id        uuid not null,
    street_id           uuid not null,
    district_id         uuid not null,
    created_by          uuid not null,
    title               text not null,
    description         text not null default '',
    category            text not null,
    volunteers_needed   int not null,
    skills              text[] not null default '{}',
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    claim_deadline      timestamptz,
    urgency             text not null default 'normal' check (urgency in ('normal', 'urgent')),
    beneficiaries       int,
    address             text,
    contact_name        text,
    contact_phone       text,
    target_team_id      uuid,
    status              text not null check (status in ('draft', 'published', 'claimed', 'in_service', 'completed', 'closed', 'cancelled', 'expired')),
    claimed_by_team_id  uuid,
    order_version       bigint not null default 0,
    escalation_level    int not null default 0,
    service_hours       numeric(8, 2),
    volunteers_count    int,
    completion_summary  text,
    rating_score        int check (rating_score between 1 and 5),
    rating_comment      text,
    cancel_reason       text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    published_at        timestamptz,
    claimed_at          timestamptz,
    started_at          timestamptz,
    completed_at        timestamptz,
    closed_at           timestamptz,
    cancelled_at        timestamptz
);

-- Branches list their community's needs, coordinators their street's, newest first, often by status.
create index needs_by_community on needs (community_id, status, created_at desc);
create index needs_by_street on needs (street_id, status, created_at desc);

-- Every transition of a need, from whichever side made it (the branch or the matching service).
create table need_timeline (
    id           bigint generated always as identity primary key,
    need_id      uuid not null references needs (id),
    at           timestamptz not null,
    from_status  text,
    to_status    text not null,
    actor        text not null,
    reason       text
);
create index need_timeline_by_need on need_timeline (need_id, id);
