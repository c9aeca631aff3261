using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Requests;

/// <summary>
/// Residents' requests: filing (under the limits per phone and per address), the branch's inbox and decisions, and the
/// resident's tracking and rating. A decision locks the request and changes it only from <c>received</c>, so two
/// members deciding at once cannot both win.
/// </summary>
internal sealed class RequestStore(Database database)
{
    // A request is open until it is declined or the need it joined is served, cancelled or expired.
    private const string Open = """
        (r.status = 'received' or (r.status in ('accepted', 'merged')
            and n.status not in ('completed', 'closed', 'cancelled', 'expired')))
        """;

    public Task<Community?> CommunityAsync(Guid communityId, CancellationToken ct) => Communities.FindAsync(database, communityId, ct);

    /// <summary>Files a request; with <paramref name="limits"/>, only when its phone and its address are under their open limits.</summary>
    public async Task<(ResidentRequest? Filed, FilingRefusal Refusal)> FileAsync(RequestContent content, Community community,
        string channel, string? filedBy, RequestsOptions? limits, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (limits is not null)
        {
            // Two filings from one phone (or one address) at once must not both slip under the limit: the second waits.
            await unit.ExecuteAsync("""
                select pg_advisory_xact_lock(hashtext('resident_requests:phone:' || @PhoneKey));
                select pg_advisory_xact_lock(hashtext('resident_requests:address:' || @AddressKey));
                """, new { content.PhoneKey, content.AddressKey }, ct);
            var (phone, address) = await unit.QuerySingleAsync<(long, long)>($"""
                select count(*) filter (where r.phone_key = @PhoneKey), count(*) filter (where r.address_key = @AddressKey)
                from resident_requests r left join needs n on n.id = r.need_id
                where (r.phone_key = @PhoneKey or r.address_key = @AddressKey) and {Open}
                """, new { content.PhoneKey, content.AddressKey }, ct);
            if (phone >= limits.OpenPerPhone)
                return (null, FilingRefusal.TooManyForPhone);
            if (address >= limits.OpenPerAddress)
                return (null, FilingRefusal.TooManyForAddress);
        }
        var filed = await unit.QuerySingleAsync<ResidentRequest>("""
            insert into resident_requests (id, community_id, street_id, district_id, tracking_code, lookup_code, category,
                description, wanted_at, contact_name, contact_phone, address, phone_key, address_key, channel, filed_by,
                consented_at, status, created_at)
            values (@Id, @CommunityId, @StreetId, @DistrictId, @TrackingCode, @LookupCode, @Category,
                @Description, @WantedAt, @ContactName, @ContactPhone, @Address, @PhoneKey, @AddressKey, @channel, @filedBy,
                @now, @Received, @now)
            returning *
            """, new
        {
            Id = Guid.CreateVersion7(), CommunityId = community.Id, community.StreetId, community.DistrictId,
            TrackingCode = TrackingCodes.NewTrackingCode(), LookupCode = TrackingCodes.NewLookupCode(), content.Category,
            content.Description, content.WantedAt, content.ContactName, content.ContactPhone, content.Address, content.PhoneKey,
            content.AddressKey, channel, filedBy, now, RequestStatus.Received,
        }, ct);
        await unit.CommitAsync(ct);
        return (filed, FilingRefusal.None);
    }

    public Task<ResidentRequest?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<ResidentRequest>("select * from resident_requests where id = @id", new { id }, ct);

    /// <summary>The tracking code of the request filed with this phone and lookup code, if there is exactly such a request.</summary>
    public Task<string?> TrackingCodeOfAsync(string phoneKey, string lookupCode, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<string>("""
            select tracking_code from resident_requests where phone_key = @phoneKey and lookup_code = @lookupCode
            order by created_at desc limit 1
            """, new { phoneKey, lookupCode }, ct);

    public async Task<TrackedRequest?> TrackAsync(string trackingCode, CancellationToken ct)
    {
        var rows = await database.QueryAsync<TrackingRow>("""
            select r.id, n.status as need_status, n.claimed_by_team_id as team_id, t.name as team_name, coalesce(c.name, '') as community_name
            from resident_requests r
            left join needs n on n.id = r.need_id
            left join team_standings t on t.team_id = n.claimed_by_team_id
            left join communities c on c.id = r.community_id
            where r.tracking_code = @trackingCode
            """, new { trackingCode }, ct);
        if (rows.Count == 0 || await FindAsync(rows[0].Id, ct) is not { } request)
            return null;
        return new TrackedRequest(request, rows[0].NeedStatus, rows[0].TeamId, rows[0].TeamName, rows[0].CommunityName);
    }

    public async Task<(IReadOnlyList<(ResidentRequest Request, string? NeedStatus)> Items, long Total)> ListAsync(
        Guid communityId, string? status, Paging paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<ListedRow>("""
            select r.id, n.status as need_status, count(*) over () as total
            from resident_requests r left join needs n on n.id = r.need_id
            where r.community_id = @communityId and (cast(@status as text) is null or r.status = @status)
            order by r.created_at desc, r.id desc
            limit @Size offset @Offset
            """, new { communityId, status, paging.Size, paging.Offset }, ct);
        if (rows.Count == 0)
            return ([], paging.Offset == 0 ? 0 : await CountAsync(communityId, status, ct));
        var requests = (await database.QueryAsync<ResidentRequest>("select * from resident_requests where id = any(@ids)",
            new { ids = rows.Select(r => r.Id).ToArray() }, ct)).ToDictionary(r => r.Id);
        return (rows.Select(r => (requests[r.Id], r.NeedStatus)).ToList(), rows[0].Total);
    }

    private Task<long> CountAsync(Guid communityId, string? status, CancellationToken ct) =>
        database.QuerySingleAsync<long>("""
            select count(*) from resident_requests where community_id = @communityId and (cast(@status as text) is null or status = @status)
            """, new { communityId, status }, ct);

    /// <summary>The community's requests filed between <paramref name="from"/> and <paramref name="to"/>, still holding their data: the candidates a duplicate is looked for among.</summary>
    public Task<IReadOnlyList<ResidentRequest>> FiledBetweenAsync(Guid communityId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        database.QueryAsync<ResidentRequest>("""
            select * from resident_requests
            where community_id = @communityId and created_at between @from and @to and personal_data_erased_at is null
            order by created_at desc limit 2000
            """, new { communityId, from, to }, ct);

    /// <summary>Accepts a received request: a draft need made from it, in one transaction. Null when it is no longer received.</summary>
    public async Task<ResidentRequest?> AcceptAsync(Guid id, Func<ResidentRequest, NeedContent> draft, Author author, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockReceivedAsync(unit, id, ct) is not { } request)
            return null;
        var need = await NeedStore.InsertDraftAsync(unit, draft(request), author, now, ct);
        var accepted = await DecideAsync(unit, id, RequestStatus.Accepted, need.Id, null, author.Actor, now, ct);
        await unit.CommitAsync(ct);
        return accepted;
    }

    /// <summary>Joins a received request to a need the branch already has. Null when it is no longer received.</summary>
    public async Task<ResidentRequest?> MergeAsync(Guid id, Guid needId, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockReceivedAsync(unit, id, ct) is null)
            return null;
        var merged = await DecideAsync(unit, id, RequestStatus.Merged, needId, null, actor, now, ct);
        await unit.CommitAsync(ct);
        return merged;
    }

    /// <summary>Declines a received request with the reason the resident reads. Null when it is no longer received.</summary>
    public async Task<ResidentRequest?> DeclineAsync(Guid id, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockReceivedAsync(unit, id, ct) is null)
            return null;
        var declined = await DecideAsync(unit, id, RequestStatus.Declined, null, reason, actor, now, ct);
        await unit.CommitAsync(ct);
        return declined;
    }

    /// <summary>
    /// The resident's rating of a served request, once; its <c>ResidentRated</c> event goes out in the same transaction.
    /// False when the request is not served yet or was rated already.
    /// </summary>
    public async Task<bool> RateAsync(Guid id, int score, string? comment, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var need = await unit.QuerySingleOrDefaultAsync<Need>("""
            select n.* from resident_requests r join needs n on n.id = r.need_id
            where r.id = @id and r.resident_score is null and n.status in ('completed', 'closed')
            for update of r
            """, new { id }, ct);
        if (need is null)
            return false;
        await unit.ExecuteAsync("""
            update resident_requests set resident_score = @score, resident_comment = @comment, rated_at = @now where id = @id
            """, new { id, score, comment, now }, ct);
        await unit.PublishAsync(new ResidentRated(id, need.Id, need.ClaimedByTeamId, need.CommunityId, need.StreetId, need.DistrictId,
            score, now), ct);
        await unit.CommitAsync(ct);
        return true;
    }

    private static Task<ResidentRequest?> LockReceivedAsync(UnitOfWork unit, Guid id, CancellationToken ct) =>
        unit.QuerySingleOrDefaultAsync<ResidentRequest>(
            "select * from resident_requests where id = @id and status = @Received for update",
            new { id, RequestStatus.Received }, ct);

    private static Task<ResidentRequest> DecideAsync(UnitOfWork unit, Guid id, string status, Guid? needId, string? reason,
        string actor, DateTimeOffset now, CancellationToken ct) =>
        unit.QuerySingleAsync<ResidentRequest>("""
            update resident_requests
            set status = @status, need_id = @needId, decline_reason = @reason, decided_by = @actor, decided_at = @now
            where id = @id
            returning *
            """, new { id, status, needId, reason, actor, now }, ct);

    private sealed class TrackingRow
    {
        public Guid Id { get; init; }
        public string? NeedStatus { get; init; }
        public Guid? TeamId { get; init; }
        public string? TeamName { get; init; }
        public string CommunityName { get; init; } = "";
    }

    private sealed class ListedRow
    {
        public Guid Id { get; init; }
        public string? NeedStatus { get; init; }
        public long Total { get; init; }
    }
}
