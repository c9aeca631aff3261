create table received_messages (
    need_id         uuid not null,
    correlation_id  text,
    received_at     timestamptz not null default now()
);
