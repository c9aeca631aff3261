-- Residents rate the service of their own requests (ResidentRated from the needs service): a figure of its own in the
-- track record, beside the branches' ratings.
alter table team_track_records add column resident_ratings_count int not null default 0;
alter table team_track_records add column resident_ratings_sum int not null default 0;
