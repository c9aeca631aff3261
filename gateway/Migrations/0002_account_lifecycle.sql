-- Accounts can be disabled, must choose their own password after someone else set a one-time one, and end their
-- sessions: a token carries the account's session generation, and raising it (with a row in ended_sessions and an
-- AccountSessionsEnded event) makes every process refuse the older tokens.
alter table accounts
    add column disabled_at          timestamptz null,
    add column must_change_password boolean not null default false,
    add column password_changed_at  timestamptz null,
    add column session_generation   integer not null default 0,
    add column bootstrap_password_hash text null, -- the admin's: Dispatch:AdminPassword as last applied

    drop column failed_logins,
    drop column locked_until;

create index accounts_community on accounts (community_id);
create index accounts_team on accounts (team_id);

-- Failed sign-ins per (username, client address), whether the username exists or not, so that the answers tell
-- nobody which ones do: failures in a row lock the pair for growing delays; a success clears them and makes the
-- address known to the account (exempt from the per-address and per-username limits below).
create table sign_in_pairs (
    username         text not null,
    address          text not null,
    failures         integer not null default 0,
    locked_until     timestamptz null,
    last_failure_at  timestamptz null,
    last_success_at  timestamptz null,
    primary key (username, address)
);
create index sign_in_pairs_idle on sign_in_pairs (last_failure_at) where last_success_at is null;

-- Each failed sign-in of the last window, for the limits per address (password spraying) and per username
-- (guessing one account from many addresses).
create table sign_in_failures (
    id         bigint generated always as identity primary key,
    username   text not null,
    address    text not null,
    failed_at  timestamptz not null
);
create index sign_in_failures_address on sign_in_failures (address, failed_at);
create index sign_in_failures_username on sign_in_failures (username, failed_at);
create index sign_in_failures_failed_at on sign_in_failures (failed_at);
