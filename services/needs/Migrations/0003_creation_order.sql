-- The order needs were created in, for ties of created_at: the rows of one needs-list import share their
-- created_at, and their ids (UUIDv7) are random within a millisecond. "Publish all" sends drafts oldest
-- first, in the file's row order. Existing rows are numbered in their physical order.
alter table needs add column creation_order bigint generated always as identity;
