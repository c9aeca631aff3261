-- A coordinator may direct an open order to a team of its street outside that team's service list (the order
-- then skips the category, skill and area checks for that team alone); an order the branch directed obeys them.
alter table orders add column directed_by_coordinator boolean not null default false;
