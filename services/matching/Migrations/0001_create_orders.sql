-- Read model of the place directory: enough to name a community in the hall and the figures.
create table communities (
    id           uuid primary key,
    name         text not null,
    street_id    uuid not null,
    district_id  uuid not null
);

-- Read model of the team registry, plus what only matching knows: open orders and track record.
-- open_orders counts orders claimed or in service; the claim transaction keeps it <= capacity.
create table teams (
    team_id           uuid primary key,
    name              text not null,
    community_id      uuid not null,
    street_id         uuid not null,
    district_id       uuid not null,
    categories        text[] not null,
    skills            text[] not null,
    service_area      text not null,
    capacity          int not null,
    status            text not null,
    hatched_at        timestamptz,
    version           bigint not null,
    open_orders       int not null default 0,
    completed_orders  int not null default 0,
    released_orders   int not null default 0,
    rating_sum        int not null default 0,
    rating_count      int not null default 0
);

-- Orders: the public side of a published need. No personal data ever lands here.
create table orders (
    need_id            uuid primary key,
    community_id       uuid not null,
    street_id          uuid not null,
    district_id        uuid not null,
    title              text not null,
    category           text not null,
    skills             text[] not null,
    volunteers_needed  int not null,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    claim_deadline     timestamptz,
    urgency            text not null,
    target_team_id     uuid,
    status             text not null,
    team_id            uuid,
    version            bigint not null,
    published_at       timestamptz not null,
    first_claimed_at   timestamptz,
    claimed_at         timestamptz,
    started_at         timestamptz,
    completed_at       timestamptz,
    closed_at          timestamptz,
    cancelled_at       timestamptz,
    service_hours      numeric(8, 2),
    volunteers_count   int,
    summary            text,
    rating             int
);

create index orders_hall on orders (status, category);
create index orders_stats on orders (street_id, published_at);
create index orders_team on orders (team_id, status);
