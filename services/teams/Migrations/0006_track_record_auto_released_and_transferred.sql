-- Releases the matching service made because the team did not start an order in time (counted in orders_released too).
alter table team_track_records add column orders_auto_released int not null default 0;
-- Claimed orders the team handed to another team that asked for them (an approved transfer request).
alter table team_track_records add column orders_transferred int not null default 0;
