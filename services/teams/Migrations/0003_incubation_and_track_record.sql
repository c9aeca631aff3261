-- Incubation gains its first and last stages (applied, retired); teams say when they can serve and
-- who mentors them; each history step names the mentor social worker at that step.
alter table teams drop constraint teams_status_check;
alter table teams add constraint teams_status_check
    check (status in ('applied', 'incubating', 'hatched', 'suspended', 'retired'));
alter table teams add column availability text[] not null default '{}';
alter table teams add column mentor text;
alter table team_history add column mentor text;
create index teams_skills on teams using gin (skills);
create index teams_categories on teams using gin (categories);

-- The track record, kept from the matching service's order events and the branches' ratings.
-- No foreign key: an event about a team this registry does not (yet) know is counted, not lost.
create table team_track_records (
    team_id             uuid primary key,
    orders_claimed      int not null default 0,
    orders_completed    int not null default 0,
    orders_released     int not null default 0,
    service_hours       numeric(10, 2) not null default 0,
    volunteers_engaged  int not null default 0,
    ratings_count       int not null default 0,
    ratings_sum         int not null default 0
);
