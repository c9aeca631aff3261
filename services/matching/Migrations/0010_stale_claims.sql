-- Claims that stay honest, driven from this table like the escalation sweep (so they survive restarts and run
-- once across replicas):
--   overdue_at   when a claimed order passed its service start without being started (null: not overdue);
--   expires_at   when an unclaimed order expires: its service start, or after an automatic release the end of
--                its service time (a coordinator's alert window once that has passed).
alter table orders add column overdue_at timestamptz;
alter table orders add column expires_at timestamptz;
update orders set expires_at = starts_at where status = 'published';

-- The sweep's second question: which claimed orders have reached their start unstarted.
create index orders_unstarted on orders (starts_at) where status = 'claimed';
-- The claim's question: how many overdue orders the team holds.
create index orders_overdue on orders (team_id) where overdue_at is not null;

-- Matching's share of the track record: releases the sweep made for a team that did not start in time.
alter table teams add column auto_released_orders int not null default 0;
