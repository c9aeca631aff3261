using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace Dispatch.Needs.Retention;

/// <summary>
/// Erases residents' personal data (contact name, phone, address; a request's description and the resident's comment)
/// of needs and requests closed more than <see cref="PrivacyOptions.RetentionDays"/> ago. Everything else stays, so
/// the figures keep counting. One replica sweeps at a time (a transaction-scoped advisory lock); the others skip.
/// </summary>
internal sealed class RetentionSweep(Database database, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    // Any constant distinct from the migrator's lock; "ret1" in ASCII.
    private const long LockKey = 0x72657431;

    // When a need stopped being worked on: rated (closed), cancelled, served, or (expired) last touched.
    private const string ClosedAt = "coalesce(n.closed_at, n.cancelled_at, n.completed_at, n.updated_at)";
    private const string Final = "n.status in ('completed', 'closed', 'cancelled', 'expired')";

    /// <summary>What one sweep erased; null when another replica was sweeping.</summary>
    public async Task<RetentionOutcome?> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        await using var unit = await database.BeginAsync(ct);
        if (!await unit.QuerySingleAsync<bool>("select pg_try_advisory_xact_lock(@LockKey)", new { LockKey }, ct))
            return null;
        var requests = await unit.ExecuteAsync($"""
            update resident_requests r
            set contact_name = null, contact_phone = null, address = null, phone_key = null, address_key = null,
                description = null, resident_comment = null, personal_data_erased_at = @now
            where r.personal_data_erased_at is null
              and ((r.status = 'declined' and r.decided_at < @cutoff)
                   or exists (select 1 from needs n where n.id = r.need_id and {Final} and {ClosedAt} < @cutoff))
            """, new { now, cutoff }, ct);
        var needs = await unit.ExecuteAsync($"""
            update needs n
            set contact_name = null, contact_phone = null, address = null, personal_data_erased_at = @now
            where n.personal_data_erased_at is null and {Final} and {ClosedAt} < @cutoff
            """, new { now, cutoff }, ct);
        await unit.CommitAsync(ct);
        return new RetentionOutcome(needs, requests, cutoff);
    }
}
