-- The live hall: every change of an order is announced on the channel order_changed when its transaction
-- commits, so each matching replica (all LISTEN on the same database) can push it to its connected teams.
-- The payload is public order data only: the need id, its status and version.
create function notify_order_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('order_changed', json_build_object('needId', new.need_id, 'status', new.status, 'version', new.version)::text);
    return null;
end
$$;

create trigger orders_notify_change
    after insert or update of status, version, team_id, target_team_id, escalation_level on orders
    for each row execute function notify_order_changed();
