using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// The accounts whose sessions ended recently, kept in memory so that checking a token costs a dictionary look-up:
/// a token is refused when its session generation (<see cref="DispatchClaims.SessionGeneration"/>) is below the
/// account's. Filled from the process's own <c>ended_sessions</c> table (<see cref="Data.EndedSessionsRefresher"/>)
/// and, at once, by whoever records an end in this process.
/// </summary>
public sealed class EndedSessions
{
    private ImmutableDictionary<Guid, End> _ended = ImmutableDictionary<Guid, End>.Empty;

    public int Count => _ended.Count;

    /// <summary>True when the principal's token belongs to a session that has ended.</summary>
    public bool HasEnded(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(DispatchClaims.Subject)?.Value, out var account)
        && _ended.TryGetValue(account, out var ended)
        && GenerationOf(principal) < ended.Generation;

    /// <summary>Notes an end; an older one (a lower generation) never undoes a newer one.</summary>
    public void Record(Guid accountId, int generation, DateTimeOffset endedAt) =>
        ImmutableInterlocked.AddOrUpdate(ref _ended, accountId, new End(generation, endedAt),
            (_, known) => known.Generation >= generation ? known : new End(generation, endedAt));

    /// <summary>
    /// Forgets ends older than <paramref name="before"/>: every token issued before such an end has expired, so it
    /// refuses nothing any more.
    /// </summary>
    public void ForgetBefore(DateTimeOffset before) =>
        ImmutableInterlocked.Update(ref _ended, ended => ended.RemoveRange(ended.Where(e => e.Value.EndedAt < before).Select(e => e.Key)));

    private static int GenerationOf(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirst(DispatchClaims.SessionGeneration)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : 0;

    private readonly record struct End(int Generation, DateTimeOffset EndedAt);
}
