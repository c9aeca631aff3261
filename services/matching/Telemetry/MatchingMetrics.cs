using System.Diagnostics.Metrics;
using Dapper;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Live;
using Dispatch.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.Matching.Telemetry;

/// <summary>
/// The matching service's meter, <c>Dispatch.Matching</c>: claims by outcome, escalations and expiries by level,
/// open orders by status (read from the database at most once a <see cref="MetricsOptions.ReadingInterval"/>, only
/// while scraped) and the hall streams this replica serves.
/// </summary>
internal sealed class MatchingMetrics
{
    public const string MeterName = TelemetrySetup.SourcePrefix + "Matching";

    private static readonly string[] OpenStatuses = [OrderStatus.Published, OrderStatus.Claimed, OrderStatus.InService, OrderStatus.Completed];

    private readonly Counter<long> _claims;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _expirations;
    private readonly Counter<long> _autoReleases;

    public MatchingMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, OrderChangeFeed hall,
        IOptions<MetricsOptions> options, ILogger<MatchingMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        _claims = meter.CreateCounter<long>("dispatch.orders.claims", "{claim}",
            "Answers to claims and to acceptances of directed orders: claimed, conflict (409: taken, not open, team full) or refused.");
        _escalations = meter.CreateCounter<long>("dispatch.orders.escalations", "{order}",
            "Unclaimed orders widened past their deadline, by the level reached (1 street, 2 district, 3 coordinator alerted).");
        _expirations = meter.CreateCounter<long>("dispatch.orders.expirations", "{order}",
            "Unclaimed orders expired past their last deadline, by the level they had reached.");
        _autoReleases = meter.CreateCounter<long>("dispatch.orders.auto_releases", "{order}",
            "Claimed orders released back to the hall because their team did not start them within the grace after their start.");

        var open = new Reading<IReadOnlyList<(string Status, long Count)>>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return (await connection.QueryAsync<(string, long)>(new CommandDefinition(
                "select status, count(*) from orders where status = any(@OpenStatuses) group by status",
                new { OpenStatuses }, cancellationToken: ct))).AsList();
        }, options.Value.ReadingInterval, logger);
        meter.CreateObservableGauge("dispatch.orders.open", () => open.Last is { } counts
                ? OpenStatuses.Select(status => new Measurement<long>(
                    counts.FirstOrDefault(c => c.Status == status).Count, new KeyValuePair<string, object?>("dispatch.order.status", status)))
                : [],
            "{order}", "Orders not yet closed, cancelled or expired, by status.");
        meter.CreateObservableGauge("dispatch.hall.streams", () => hall.Subscribers,
            "{stream}", "Live hall streams (server-sent events) this replica is serving.");
    }

    public void ClaimAnswered(OrderAction action, int statusCode) => _claims.Add(1,
        new KeyValuePair<string, object?>("dispatch.claim.action", action == OrderAction.Accept ? "accept" : "claim"),
        new KeyValuePair<string, object?>("dispatch.claim.outcome", statusCode switch
        {
            StatusCodes.Status200OK => "claimed",
            StatusCodes.Status409Conflict => "conflict",
            _ => "refused",
        }));

    public void Escalated(int level) => _escalations.Add(1, new KeyValuePair<string, object?>("dispatch.escalation.level", level));

    public void AutoReleased(int count) => _autoReleases.Add(count);

    public void Expired(int level) => _expirations.Add(1, new KeyValuePair<string, object?>("dispatch.escalation.level", level));
}
