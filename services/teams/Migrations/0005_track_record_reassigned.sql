-- Orders a coordinator took from the team after it was suspended or retired: neither completed nor given back by it.
alter table team_track_records add column orders_reassigned int not null default 0;
