-- Residents' own requests for help (点单), filed on the community's public page or by the branch for a resident
-- (帮办). The contact data stays in this database like a need's. The branch accepts a request (a draft need is made
-- from it), merges it into a need it already has, or declines it with a reason the resident reads.
create table resident_requests (
    id                uuid primary key,
    community_id      uuid not null,
    street_id         uuid not null,
    district_id       uuid not null,
    -- The tracking link's code (unguessable), and the short code shown at filing that finds it again with the phone.
    tracking_code     text not null unique,
    lookup_code       text not null,
    category          text not null,
    description       text,
    wanted_at         timestamptz not null,
    contact_name      text,
    contact_phone     text,
    address           text,
    -- The phone's digits and the address without spaces or case, for the limits and the duplicate check.
    phone_key         text,
    address_key       text,
    channel           text not null check (channel in ('online', 'assisted')),
    filed_by          text,
    consented_at      timestamptz not null,
    status            text not null check (status in ('received', 'accepted', 'merged', 'declined')),
    need_id           uuid references needs (id),
    decline_reason    text,
    decided_by        text,
    decided_at        timestamptz,
    resident_score    int check (resident_score between 1 and 5),
    resident_comment  text,
    rated_at          timestamptz,
    created_at        timestamptz not null,
    personal_data_erased_at timestamptz
);

-- The inbox lists a community's requests newest first; the limits count by phone and by address.
create index resident_requests_by_community on resident_requests (community_id, created_at desc);
create index resident_requests_by_phone on resident_requests (phone_key, created_at desc) where phone_key is not null;
create index resident_requests_by_address on resident_requests (address_key, created_at desc) where address_key is not null;
create index resident_requests_by_need on resident_requests (need_id) where need_id is not null;

-- The place directory's communities (CommunityRegistered): the public page names its community, and a request
-- for a community that does not exist is refused.
create table communities (
    id          uuid primary key,
    name        text not null,
    branch_name text not null,
    street_id   uuid not null,
    street_name text not null,
    district_id uuid not null
);

-- The tracking page names the team serving (and nothing else about it): the name comes with the registry's events.
alter table team_standings add column name text;

-- The retention job erases residents' personal data of closed needs; the figures keep the rest.
alter table needs add column personal_data_erased_at timestamptz;
