-- Accounts whose sessions ended, as the gateway announced them (AccountSessionsEnded): a token of the account
-- whose session generation is below `generation` is refused. One row per account; a later end raises it.
create table if not exists ended_sessions (
    account_id  uuid primary key,
    generation  integer not null,
    ended_at    timestamptz not null
);
create index if not exists ended_sessions_ended_at on ended_sessions (ended_at);
