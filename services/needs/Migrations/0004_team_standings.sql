-- Teams the coordinator stopped (suspended or retired), learnt from the team registry's events: such a team
-- keeps the orders it holds until they are reassigned, but no longer reads their residents' contact data.
-- The version is the team's, so a late, older event cannot undo a newer one.
create table team_standings (
    team_id uuid primary key,
    status  text   not null,
    version bigint not null
);
