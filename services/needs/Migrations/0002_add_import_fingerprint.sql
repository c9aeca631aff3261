-- A needs-list import stores each row's fingerprint with the draft it made, so importing the same
-- file again finds the row already there instead of creating a duplicate. Per community: two
-- communities may well ask for the same thing.
alter table needs add column import_fingerprint text;
create unique index needs_import_fingerprint on needs (community_id, import_fingerprint) where import_fingerprint is not null;

-- Searches by date look at when the service starts.
create index needs_by_community_start on needs (community_id, starts_at);
