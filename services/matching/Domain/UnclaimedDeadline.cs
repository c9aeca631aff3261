namespace Dispatch.Matching.Domain;

/// <summary>
/// When an unclaimed order takes its next step. Its time counts against its service time, not only from publishing:
/// the next deadline is the earlier of its claim window and a lead time before the service starts, and at its
/// expiry (the service start) it expires rather than sit in the hall past its own start.
/// </summary>
internal static class UnclaimedDeadline
{
    /// <summary>
    /// The lead before the start for a need published <paramref name="publishedAt"/>: <paramref name="lead"/>, or half
    /// the notice when the need was published less than twice the lead before it starts (a need published 2 h ahead
    /// gets 1 h in its community before it widens).
    /// </summary>
    public static TimeSpan LeadBeforeStart(DateTimeOffset publishedAt, DateTimeOffset startsAt, TimeSpan lead)
    {
        var notice = startsAt - publishedAt;
        if (notice <= TimeSpan.Zero)
            return TimeSpan.Zero;
        return notice >= 2 * lead ? lead : notice / 2;
    }

    /// <summary>
    /// The next deadline after <paramref name="now"/> of an order whose current window ends at <paramref name="windowEnds"/>:
    /// the lead point before its start when that comes first and is still ahead, never later than <paramref name="expiresAt"/>.
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset now, DateTimeOffset windowEnds, DateTimeOffset startsAt, TimeSpan leadBeforeStart,
        DateTimeOffset expiresAt)
    {
        var leadPoint = startsAt - leadBeforeStart;
        var next = leadPoint > now && leadPoint < windowEnds ? leadPoint : windowEnds;
        return next < expiresAt ? next : expiresAt;
    }

    /// <summary>Whether an order due at <paramref name="now"/> expires rather than widens: its expiry has come, or it has climbed every step.</summary>
    public static bool Expires(DateTimeOffset now, DateTimeOffset? expiresAt, int escalationLevel) =>
        expiresAt <= now || EscalationLadder.ExpiresNext(escalationLevel);
}
