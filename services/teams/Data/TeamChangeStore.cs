using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>Reads the change log of service lists (<c>team_changes</c>); <see cref="TeamStore"/> writes it.</summary>
internal sealed class TeamChangeStore(Database database)
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid TeamId { get; init; }
        public string TeamName { get; init; } = "";
        public string Status { get; init; } = "";
        public string Before { get; init; } = "{}";
        public string After { get; init; } = "{}";
        public string ChangedBy { get; init; } = "";
        public string ChangedByRole { get; init; } = "";
        public DateTimeOffset ChangedAt { get; init; }
        public string? DecidedBy { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? Reason { get; init; }

        public TeamChange ToChange() => new(Id, TeamId, TeamName, Status, ProfileFieldsJson.Read(Before), ProfileFieldsJson.Read(After),
            ChangedBy, ChangedByRole, ChangedAt, DecidedBy, DecidedAt, Reason);
    }

    private const string Select = """
        select c.id, c.team_id, t.name as team_name, c.status, c.before::text as before, c.after::text as after, c.changed_by,
               c.changed_by_role, c.changed_at, c.decided_by, c.decided_at, c.reason
        from team_changes c join teams t on t.id = c.team_id
        """;

    /// <summary>One change of the team, read (and locked) inside <paramref name="unit"/>, so a decision sees it as it stands.</summary>
    public static async Task<TeamChange?> FindAsync(UnitOfWork unit, Guid teamId, Guid changeId, CancellationToken ct) =>
        (await unit.QuerySingleOrDefaultAsync<Row>($"{Select} where c.id = @changeId and c.team_id = @teamId for update of c",
            new { teamId, changeId }, ct))?.ToChange();

    public async Task<TeamChange?> FindAsync(Guid teamId, Guid changeId, CancellationToken ct) =>
        (await database.QuerySingleOrDefaultAsync<Row>($"{Select} where c.id = @changeId and c.team_id = @teamId", new { teamId, changeId }, ct))?.ToChange();

    /// <summary>The team's changes, newest first.</summary>
    public Task<(IReadOnlyList<TeamChange> Items, long Total)> ListForTeamAsync(Guid teamId, Paging paging, CancellationToken ct) =>
        ListAsync("where c.team_id = @teamId", new { teamId, limit = paging.Size, offset = paging.Offset }, ct);

    /// <summary>Changes in <paramref name="status"/> of a street's teams (every street's when null), oldest first: the coordinator's queue.</summary>
    public Task<(IReadOnlyList<TeamChange> Items, long Total)> ListByStatusAsync(string status, Guid? streetId, Paging paging, CancellationToken ct) =>
        ListAsync("where c.status = @status and (cast(@streetId as uuid) is null or t.street_id = @streetId)",
            new { status, streetId, limit = paging.Size, offset = paging.Offset }, ct, oldestFirst: true);

    private async Task<(IReadOnlyList<TeamChange> Items, long Total)> ListAsync(string where, object parameters, CancellationToken ct, bool oldestFirst = false)
    {
        var order = oldestFirst ? "c.seq" : "c.seq desc";
        var rows = await database.QueryAsync<Row>($"{Select} {where} order by {order} limit @limit offset @offset", parameters, ct);
        var total = await database.QuerySingleAsync<long>($"select count(*) from team_changes c join teams t on t.id = c.team_id {where}", parameters, ct);
        return (rows.Select(r => r.ToChange()).ToList(), total);
    }
}
