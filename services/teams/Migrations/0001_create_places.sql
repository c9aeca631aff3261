-- The place directory: district → street → community. Names are unique within their parent,
-- so "汇泉" can exist in two streets but not twice in one.
create table districts (
    id          uuid primary key,
    name        text not null unique,
    created_at  timestamptz not null default now()
);

create table streets (
    id           uuid primary key,
    district_id  uuid not null references districts (id),
    name         text not null,
    created_at   timestamptz not null default now(),
    constraint streets_district_name_unique unique (district_id, name)
);

create table communities (
    id           uuid primary key,
    street_id    uuid not null references streets (id),
    name         text not null,
    branch_name  text not null,
    created_at   timestamptz not null default now(),
    constraint communities_street_name_unique unique (street_id, name)
);
