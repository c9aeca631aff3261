create table received_messages (
    need_id     uuid not null,
    received_at timestamptz not null default now()
);
