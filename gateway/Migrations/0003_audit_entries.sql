-- The audit trail: every process sends its entries (AuditRecorded, through its outbox) and only the gateway's consumer
-- appends them here. The table refuses every UPDATE and TRUNCATE, and a DELETE of any entry stored less than 180 days
-- ago (the Cybersecurity Law's floor for logs), whoever asks, its owner included: retention (Audit__RetentionDays, at
-- least 180) only ever removes the oldest entries.
create table audit_entries (
    entry_id        uuid primary key,
    at              timestamptz not null,           -- when it happened, by the process that recorded it
    stored_at       timestamptz not null default now(), -- when it arrived here: what retention counts from
    service         text not null,
    action          text not null,
    account_id      uuid null,
    username        text null,
    role            text null,
    client_address  text null,
    trace_id        text null,
    subject_type    text null,
    subject_ids     uuid[] not null default '{}',
    detail          text null
);
create index audit_entries_at on audit_entries (at desc, entry_id desc);
create index audit_entries_stored_at on audit_entries (stored_at);
create index audit_entries_username on audit_entries (lower(username), at desc);
create index audit_entries_subjects on audit_entries using gin (subject_ids);
create index audit_entries_trace on audit_entries (trace_id) where trace_id is not null;

create function audit_entries_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.stored_at < now() - interval '180 days' then
            return old;
        end if;
    end if;
    raise exception 'audit entries are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entries_no_change before update or delete on audit_entries
    for each row execute function audit_entries_append_only();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_append_only();
