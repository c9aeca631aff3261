namespace Dispatch.ServiceDefaults.Time;

/// <summary>
/// The calendar service days are counted in (the ledger, certificates, yearly figures, who was a member on the day):
/// China Standard Time, UTC+8 all year (China keeps no daylight saving), so an order served at 07:00 in Beijing is
/// that day's, not the day before's as in UTC.
/// </summary>
public static class ServiceDates
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => Of(clock.GetUtcNow());
}
