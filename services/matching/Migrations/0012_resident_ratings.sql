-- Residents' ratings of the service of their requests (ResidentRated): the coordinators' resident-satisfaction figure.
-- One row per request (a need may serve several residents' merged requests), scored 1 to 5; no comment, no resident.
create table resident_ratings (
    request_id   uuid primary key,
    need_id      uuid not null,
    team_id      uuid,
    community_id uuid not null,
    street_id    uuid not null,
    district_id  uuid not null,
    score        int not null check (score between 1 and 5),
    rated_at     timestamptz not null
);
create index resident_ratings_by_street on resident_ratings (street_id, rated_at);
