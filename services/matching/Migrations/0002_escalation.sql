-- Deadlines and escalation, driven from this table so they survive restarts and run once across
-- replicas: due_at is when the next step falls due; the sweep takes due rows "for update skip locked".
alter table orders add column escalation_level int not null default 0;
alter table orders add column due_at timestamptz;
alter table orders add column expired_at timestamptz;
update orders set due_at = coalesce(claim_deadline, published_at + interval '24 hours') where status = 'published';
create index orders_due on orders (due_at) where status = 'published';

-- A NeedCancelled that overtook its NeedPublished: the late NeedPublished must not open an order.
create table cancelled_needs (
    need_id       uuid primary key,
    cancelled_at  timestamptz not null
);
