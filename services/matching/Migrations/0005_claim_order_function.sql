-- A claim (or the acceptance of a directed order) in one call: the order changes hands, the team's
-- place is taken and the OrderClaimed event enters the outbox, or nothing happens.
--
-- Called outside an explicit transaction, so the call is its own transaction: the order row's lock is
-- held only while PostgreSQL runs these three statements and commits, not across round trips to the
-- service (racing claims for one order queue on that lock). Locks are taken order first, then team,
-- as every other transition does.
--
-- Returns the order's new version; or, when the order was no longer claimable by this team, a null version and
-- the order's state as found (both null when it is gone), so the service can say who took it without asking again.
-- A team that is full or no longer hatched raises SQLSTATE 'DX001', which rolls the order back too.
-- The event body comes from the service with its version still unknown; it is set here.
create function claim_order(
    p_need_id uuid, p_team_id uuid, p_from text[], p_to text, p_directed_only boolean, p_now timestamptz,
    p_message_id uuid, p_message_type text, p_body jsonb, p_correlation_id text,
    out claimed_version bigint, out order_status text, out holder_id uuid)
language plpgsql as $$
begin
    update orders
    set status = p_to, team_id = p_team_id, version = version + 1, claimed_at = p_now,
        first_claimed_at = coalesce(first_claimed_at, p_now)
    where need_id = p_need_id and status = any(p_from)
      and (target_team_id = p_team_id or (target_team_id is null and not p_directed_only))
    returning version, status, team_id into claimed_version, order_status, holder_id;
    if claimed_version is null then
        select status, team_id into order_status, holder_id from orders where need_id = p_need_id;
        return;
    end if;

    update teams set open_orders = open_orders + 1
    where team_id = p_team_id and status = 'hatched' and open_orders < capacity;
    if not found then
        raise exception 'team % may not take another order', p_team_id using errcode = 'DX001';
    end if;

    insert into outbox_messages (message_id, message_type, body, correlation_id)
    values (p_message_id, p_message_type, jsonb_set(p_body, '{version}', to_jsonb(claimed_version)), p_correlation_id);
end
$$;
