-- A claim (or the acceptance of a directed order) in one call: the order changes hands, the team's
-- place is taken and the OrderClaimed event enters the outbox, or nothing happens.
--
-- Called outside an explicit transaction, so the call is its own transaction: the order row's lock is
-- held only while PostgreSQL runs these three statements and commits, not across round trips to the
-- service (racing claims for one order queue on that lock). Locks are taken order first, then team,
-- as every other transition does.
--
-- Returns the order's new version, or null when the order was no longer claimable by this team.
-- A team that is full or no longer hatched raises SQLSTATE 'DX001', which rolls the order back too.
-- The event body comes from the service with its version still unknown; it is set here.
create function claim_order(
    p_need_id uuid, p_team_id uuid, p_from text[], p_to text, p_directed_only boolean, p_now timestamptz,
    p_message_id uuid, p_message_type text, p_body jsonb, p_correlation_id text)
returns bigint language plpgsql as $$
declare
    v_version bigint;
begin
    update orders
    set status = p_to, team_id = p_team_id, version = version + 1, claimed_at = p_now,
        first_claimed_at = coalesce(first_claimed_at, p_now)
    where need_id = p_need_id and status = any(p_from)
      and (target_team_id = p_team_id or (target_team_id is null and not p_directed_only))
    returning version into v_version;
    if v_version is null then
        return null;
    end if;

    update teams set open_orders = open_orders + 1
    where team_id = p_team_id and status = 'hatched' and open_orders < capacity;
    if not found then
        raise exception 'team % may not take another order', p_team_id using errcode = 'DX001';
    end if;

    insert into outbox_messages (message_id, message_type, body, correlation_id)
    values (p_message_id, p_message_type, jsonb_set(p_body, '{version}', to_jsonb(v_version)), p_correlation_id);
    return v_version;
end
$$;
