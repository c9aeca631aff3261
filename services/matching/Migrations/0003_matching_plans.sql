-- The matching meeting (项目供需对接会): a plan the coordinator reviews, then confirms into directed orders.
create table matching_plans (
    id             uuid primary key,
    street_id      uuid not null,
    status         text not null,          -- proposed | confirmed
    created_by     uuid,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    needs_count    int not null,
    matched_count  int not null,
    total_score    int not null
);
create index matching_plans_street on matching_plans (street_id, created_at);

-- One row per open need the plan looked at; team_id null when no team could take it.
-- order_version is the order's version when planned: confirm directs only orders unchanged since.
create table matching_plan_items (
    plan_id        uuid not null references matching_plans (id),
    need_id        uuid not null,
    team_id        uuid,
    score          int,
    reason         text,
    order_version  bigint not null,
    primary key (plan_id, need_id)
);
