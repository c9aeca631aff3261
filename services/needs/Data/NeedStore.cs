using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.Needs.Telemetry;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Data;

/// <summary>
/// Reads and the branch's writes of needs. A transition locks the row, asks <see cref="NeedLifecycle"/>
/// whether it is legal from the state found, and writes the change, its timeline entry and its event
/// (into the outbox) in one transaction.
/// </summary>
internal sealed class NeedStore(Database database, NeedsMetrics metrics, AuditTrail audit)
{
    public Task<Need?> FindAsync(Guid id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<Need>("select * from needs where id = @id", new { id }, ct);

    /// <summary>Whether the team registry has suspended or retired the team (as far as its events have told).</summary>
    public Task<bool> IsTeamStoppedAsync(Guid teamId, CancellationToken ct) =>
        database.QuerySingleAsync<bool>("select exists (select 1 from team_standings where team_id = @teamId and status = any(@Stopped))",
            new { teamId, TeamStandings.Stopped }, ct);

    public async Task<Need> CreateAsync(NeedContent content, Guid communityId, Guid streetId, Guid districtId, Guid createdBy,
        string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var need = await InsertAsync(unit, content, null, new Author(communityId, streetId, districtId, createdBy, actor), now, ct);
        await unit.CommitAsync(ct);
        return need!;
    }

    /// <summary>
    /// The good rows of a needs list become drafts in one transaction. A row whose fingerprint this community
    /// already has (an earlier import of the same file, or the same row twice) makes nothing new: the answer
    /// names the need it already is, with <c>Created</c> false.
    /// </summary>
    public async Task<IReadOnlyList<(Guid NeedId, bool Created)>> ImportAsync(IReadOnlyList<(NeedContent Content, string Fingerprint)> rows,
        Author author, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        var outcomes = new List<(Guid, bool)>();
        foreach (var (content, fingerprint) in rows)
        {
            if (await InsertAsync(unit, content, fingerprint, author, now, ct) is { } created)
                outcomes.Add((created.Id, true));
            else
                outcomes.Add((await unit.QuerySingleAsync<Guid>(
                    "select id from needs where community_id = @CommunityId and import_fingerprint = @fingerprint",
                    new { author.CommunityId, fingerprint }, ct), false));
        }
        await unit.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>The community's drafts, oldest first (or only those of <paramref name="ids"/>): what "publish all" sends out.</summary>
    public Task<IReadOnlyList<Guid>> DraftIdsAsync(Guid communityId, Guid[]? ids, CancellationToken ct) =>
        database.QueryAsync<Guid>("""
            select id from needs
            where community_id = @communityId and status = @Draft and (cast(@ids as uuid[]) is null or id = any(@ids))
            order by created_at, creation_order
            """, new { communityId, Draft = NeedStatus.Draft, ids }, ct);

    /// <summary>A draft written inside the caller's transaction: a resident's request the branch accepted.</summary>
    public static async Task<Need> InsertDraftAsync(UnitOfWork unit, NeedContent content, Author author, DateTimeOffset now, CancellationToken ct) =>
        (await InsertAsync(unit, content, null, author, now, ct))!;

    // Null when the community already has a need with this import fingerprint.
    private static async Task<Need?> InsertAsync(UnitOfWork unit, NeedContent content, string? fingerprint, Author author,
        DateTimeOffset now, CancellationToken ct)
    {
        var need = await unit.QuerySingleOrDefaultAsync<Need>("""
            insert into needs (id, community_id, street_id, district_id, created_by, title, description, category,
                               volunteers_needed, skills, starts_at, ends_at, claim_deadline, urgency, beneficiaries,
                               address, contact_name, contact_phone, target_team_id, status, import_fingerprint, created_at, updated_at)
            values (@Id, @CommunityId, @StreetId, @DistrictId, @CreatedBy, @Title, @Description, @Category,
                    @VolunteersNeeded, @Skills, @StartsAt, @EndsAt, @ClaimDeadline, @Urgency, @Beneficiaries,
                    @Address, @ContactName, @ContactPhone, @TargetTeamId, @Status, @fingerprint, @now, @now)
            on conflict (community_id, import_fingerprint) where import_fingerprint is not null do nothing
            returning *
            """, new
        {
            Id = Guid.CreateVersion7(), author.CommunityId, author.StreetId, author.DistrictId, author.CreatedBy, content.Title,
            content.Description, content.Category, content.VolunteersNeeded, content.Skills, content.StartsAt, content.EndsAt,
            content.ClaimDeadline, content.Urgency, content.Beneficiaries, content.Address, content.ContactName, content.ContactPhone,
            content.TargetTeamId, Status = NeedStatus.Draft, fingerprint, now,
        }, ct);
        if (need is not null)
            await RecordAsync(unit, need.Id, now, null, need.Status, author.Actor, fingerprint is null ? null : "imported from a needs list", ct);
        return need;
    }

    /// <summary>Rewrites a draft's content; null when the need is no longer a draft.</summary>
    public async Task<Need?> EditAsync(Guid id, NeedContent content, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockForAsync(unit, id, NeedAction.Edit, ct) is null)
            return null;
        var need = await unit.QuerySingleAsync<Need>("""
            update needs
            set title = @Title, description = @Description, category = @Category, volunteers_needed = @VolunteersNeeded,
                skills = @Skills, starts_at = @StartsAt, ends_at = @EndsAt, claim_deadline = @ClaimDeadline,
                urgency = @Urgency, beneficiaries = @Beneficiaries, address = @Address, contact_name = @ContactName,
                contact_phone = @ContactPhone, target_team_id = @TargetTeamId, updated_at = @now
            where id = @id
            returning *
            """, new
        {
            id, content.Title, content.Description, content.Category, content.VolunteersNeeded, content.Skills,
            content.StartsAt, content.EndsAt, content.ClaimDeadline, content.Urgency, content.Beneficiaries,
            content.Address, content.ContactName, content.ContactPhone, content.TargetTeamId, now,
        }, ct);
        await unit.PublishAsync(new NeedUpdated(need.Id, need.Title, need.Category, need.Skills, need.VolunteersNeeded,
            need.StartsAt, need.EndsAt, now), ct);
        await unit.CommitAsync(ct);
        return need;
    }

    /// <summary>派单: the draft goes out as an order; the event names no resident.</summary>
    /// <remarks>A <paramref name="targetTeamId"/> directs the order to that one team (overriding the draft's); null keeps the draft's.</remarks>
    public async Task<Need?> PublishAsync(Guid id, Guid? targetTeamId, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockForAsync(unit, id, NeedAction.Publish, ct) is not { } from)
            return null;
        var need = await unit.QuerySingleAsync<Need>(
            """
            update needs set status = @To, target_team_id = coalesce(@targetTeamId, target_team_id), published_at = @now, updated_at = @now
            where id = @id returning *
            """, new { id, targetTeamId, To = NeedLifecycle.To(NeedAction.Publish), now }, ct);
        await RecordAsync(unit, id, now, from, need.Status, actor,
            need.TargetTeamId is { } target ? $"directed to team {target}" : null, ct);
        await unit.PublishAsync(new NeedPublished(need.Id, need.CommunityId, need.StreetId, need.DistrictId, need.Title,
            need.Category, need.Skills, need.VolunteersNeeded, need.StartsAt, need.EndsAt, need.ClaimDeadline, need.Urgency,
            need.TargetTeamId, now), ct);
        await unit.CommitAsync(ct);
        metrics.Published(need);
        return need;
    }

    public async Task<Need?> CancelAsync(Guid id, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockForAsync(unit, id, NeedAction.Cancel, ct) is not { } from)
            return null;
        var need = await unit.QuerySingleAsync<Need>("""
            update needs set status = @To, cancel_reason = @reason, cancelled_at = @now, updated_at = @now
            where id = @id returning *
            """, new { id, To = NeedLifecycle.To(NeedAction.Cancel), reason, now }, ct);
        await RecordAsync(unit, id, now, from, need.Status, actor, reason, ct);
        await unit.PublishAsync(new NeedCancelled(id, PersonalData.Redact(reason, need)!, now), ct);
        await audit.RecordAsync(unit, AuditActions.NeedCancelled, AuditSubject.Need(id), $"{from} → {need.Status}: {PersonalData.Redact(reason, need)}", ct);
        await unit.CommitAsync(ct);
        return need;
    }

    /// <summary>评单: the branch rates the completed service and the need closes.</summary>
    public async Task<Need?> RateAsync(Guid id, int score, string? comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        if (await LockForAsync(unit, id, NeedAction.Rate, ct) is not { } from)
            return null;
        var need = await unit.QuerySingleAsync<Need>("""
            update needs set status = @To, rating_score = @score, rating_comment = @comment, closed_at = @now, updated_at = @now
            where id = @id returning *
            """, new { id, To = NeedLifecycle.To(NeedAction.Rate), score, comment, now }, ct);
        await RecordAsync(unit, id, now, from, need.Status, actor, null, ct);
        await unit.PublishAsync(new NeedRated(id, need.ClaimedByTeamId, score, PersonalData.Redact(comment, need), now), ct);
        await unit.CommitAsync(ct);
        return need;
    }

    public async Task<(IReadOnlyList<Need> Items, long Total)> ListAsync(NeedFilter filter, CancellationToken ct)
    {
        // The column comes from a fixed pair, never from the request's text.
        var dateColumn = filter.ByCreation ? "created_at" : "starts_at";
        var where = $"""
            where (cast(@CommunityId as uuid) is null or community_id = @CommunityId)
              and (cast(@StreetId as uuid) is null or street_id = @StreetId)
              and (cast(@Status as text) is null or status = @Status)
              and (cast(@Category as text) is null or category = @Category)
              and (cast(@Pattern as text) is null or title ilike @Pattern or description ilike @Pattern
                   or (@SearchesContact and (address ilike @Pattern or contact_name ilike @Pattern)))
              and (cast(@From as timestamptz) is null or {dateColumn} >= @From)
              and (cast(@To as timestamptz) is null or {dateColumn} < @To)
            """;
        var parameters = new
        {
            filter.CommunityId, filter.StreetId, filter.Status, filter.Category, filter.SearchesContact, From = filter.From?.ToUniversalTime(), To = filter.To?.ToUniversalTime(),
            Pattern = filter.Query is { } q ? "%" + EscapeLike(q) + "%" : null,
            Limit = filter.Paging.Size, filter.Paging.Offset,
        };
        var items = await database.QueryAsync<Need>($"""
            select * from needs
            {where}
            order by created_at desc, creation_order desc
            limit @Limit offset @Offset
            """, parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from needs {where}", parameters, ct);
        return (items, total);
    }

    // In the order the transitions were applied: an event's own time may be older than the row before it.
    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid id, CancellationToken ct) =>
        database.QueryAsync<TimelineEntry>(
            "select at, from_status, to_status, actor, reason from need_timeline where need_id = @id order by id",
            new { id }, ct);

    /// <summary>The timeline's insert up to its values; the order mirror adds its own <c>select</c> (one statement with its update).</summary>
    public const string TimelineInsert = "insert into need_timeline (need_id, at, from_status, to_status, actor, reason)";

    /// <summary>Appends a transition to the need's timeline, inside the transaction that made it.</summary>
    public static Task RecordAsync(UnitOfWork unit, Guid needId, DateTimeOffset at, string? from, string to, string actor, string? reason, CancellationToken ct) =>
        unit.ExecuteAsync($"""
            {TimelineInsert}
            values (@needId, @at, @from, @to, @actor, @reason)
            """, new { needId, at = at.ToUniversalTime(), from, to, actor, reason }, ct);

    /// <summary>Locks the need and returns its state when <paramref name="action"/> is legal from it, else null.</summary>
    private static async Task<string?> LockForAsync(UnitOfWork unit, Guid id, NeedAction action, CancellationToken ct)
    {
        var status = await unit.QuerySingleOrDefaultAsync<string>("select status from needs where id = @id for update", new { id }, ct);
        return status is not null && NeedLifecycle.Allows(status, action) ? status : null;
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
