-- claim_order as in 0008, but the status a team must be in to take an order comes from the service (Team.Hatched),
-- as the order states do, so no state name is written into the function.
--
-- 0008's signature stays for one release: replicas of the previous version still call it while a rolling
-- update replaces them. Drop it in a later migration.
create function claim_order(
    p_need_id uuid, p_team_id uuid, p_from text[], p_to text, p_directed_only boolean, p_team_status text, p_now timestamptz,
    p_message_id uuid, p_message_type text, p_body jsonb, p_trace_parent text,
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
    where team_id = p_team_id and status = p_team_status and open_orders < capacity;
    if not found then
        raise exception 'team % may not take another order', p_team_id using errcode = 'DX001';
    end if;

    insert into outbox_messages (message_id, message_type, body, trace_parent)
    values (p_message_id, p_message_type, jsonb_set(p_body, '{version}', to_jsonb(claimed_version)), p_trace_parent);
end
$$;
