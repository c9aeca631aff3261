create table received_messages (
    need_id         uuid not null,
    trace_id        text,
    received_at     timestamptz not null default now()
);
