-- The transactional outbox: a state change and the events announcing it commit together;
-- the relay publishes rows in sequence order and marks them sent.
create table if not exists outbox_messages (
    sequence        bigint generated always as identity primary key,
    message_id      uuid not null unique,
    message_type    text not null,
    body            jsonb not null,
    correlation_id  text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index if not exists outbox_messages_unsent on outbox_messages (sequence) where sent_at is null;

-- The inbox: one row per (message, consumer) handled, written in the consumer's own transaction,
-- so a redelivered message changes nothing twice.
create table if not exists inbox_messages (
    message_id  uuid not null,
    consumer    text not null,
    handled_at  timestamptz not null default now(),
    primary key (message_id, consumer)
);
