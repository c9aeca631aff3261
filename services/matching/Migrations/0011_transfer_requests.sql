-- A team asks the holder of a claimed order to hand it over. One open request per order (the partial unique index);
-- auto_approve_at is when the sweep approves a request its holder left unanswered, driven from this table like due_at.
create table transfer_requests (
    id               uuid primary key,
    need_id          uuid not null references orders (need_id),
    from_team_id     uuid not null,
    to_team_id       uuid not null,
    street_id        uuid not null,
    reason           text not null,
    requested_by     text not null,
    requested_at     timestamptz not null,
    auto_approve_at  timestamptz not null,
    status           text not null,
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text
);

create unique index transfer_requests_one_open on transfer_requests (need_id) where status = 'open';
create index transfer_requests_due on transfer_requests (auto_approve_at) where status = 'open';
create index transfer_requests_teams on transfer_requests (from_team_id, to_team_id, status);
