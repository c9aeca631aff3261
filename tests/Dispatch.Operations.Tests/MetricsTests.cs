using System.Text.RegularExpressions;
using Dispatch.Testing;
using Xunit.Abstractions;

namespace Dispatch.Operations.Tests;

/// <summary>
/// Debian's Prometheus scrapes every process of a running system while the dispatch loop runs; PromQL over what it
/// scraped shows what an operator watches, and the alerts of the monitoring component fire on it.
/// </summary>
[Collection(ObservedSystemCollection.Name)]
public sealed partial class MetricsTests(ObservedSystem observed, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Metrics of events this test does not cause (no order passes a deadline here).
    private static readonly string[] NotCaused = ["dispatch_orders_escalations_total", "dispatch_orders_expirations_total"];

    private PrometheusServer Prometheus => observed.Prometheus;

    [Fact]
    public async Task PromQL_shows_the_publications_claims_and_409s_the_outbox_backlog_returning_to_0_and_the_error_queue_rising_for_a_poison_message()
    {
        await Eventually.ReturnsAsync(Prometheus.HealthyJobsAsync, jobs => jobs.SequenceEqual(ObservedSystem.Jobs.Order(StringComparer.Ordinal)),
            Deadline, "Prometheus should scrape every process");
        using var street = await Street.SetUpAsync(observed.System.Gateway, DispatchSystem.AdminPassword);
        var published = await ValueAsync("sum(dispatch_needs_published_total)");
        var claimed = await ValueAsync("""sum(dispatch_orders_claims_total{dispatch_claim_outcome="claimed"})""");
        var conflicts = await ValueAsync("""sum(dispatch_orders_claims_total{dispatch_claim_outcome="conflict"})""");

        // The loop: three needs published, raced for by two teams (one wins, the other is answered 409), served, rated.
        for (var i = 0; i < 3; i++)
        {
            var needId = await street.PublishAsync();
            var (_, winner) = await street.RaceAsync(needId);
            await street.ServeAndRateAsync(needId, winner);
        }
        await AtLeastAsync("sum(dispatch_needs_published_total)", published + 3);
        await AtLeastAsync("""sum(dispatch_orders_claims_total{dispatch_claim_outcome="claimed"})""", claimed + 3);
        await AtLeastAsync("""sum(dispatch_orders_claims_total{dispatch_claim_outcome="conflict"})""", conflicts + 3);
        await AtLeastAsync("""sum(dispatch_sign_ins_total{dispatch_sign_in_outcome="succeeded"})""", 5);
        await AtLeastAsync("""sum(http_server_request_duration_seconds_count{job="matching", http_route="/api/orders/{needId:guid}/claim"})""", 6);

        // Needs cut off from RabbitMQ: its outbox holds the events of three more publications, then sends them all.
        var held = new List<Guid>();
        await using (await new Broker(observed.System).CutOffAsync("needs"))
        {
            for (var i = 0; i < 3; i++)
                held.Add(await street.PublishAsync(untilInTheHall: false));
            await AtLeastAsync("""max(dispatch_outbox_pending{job="needs"})""", 3);
            await AtLeastAsync("""max(dispatch_outbox_pending_age_seconds{job="needs"})""", 1);
        }
        await Eventually.ReturnsAsync(() => ValueAsync("""max(dispatch_outbox_pending{job="needs"})"""), n => n == 0,
            Deadline, "the outbox backlog should return to 0 once the broker is back");
        Assert.True(await ValueAsync("""max_over_time(dispatch_outbox_pending{job="needs"}[5m])""") >= 3, "Prometheus should have seen the backlog");
        foreach (var needId in held)
            Assert.True(await street.InTheHallAsync(needId), $"need {needId} held in the outbox should be in the hall");
        Assert.Equal(0, await ValueAsync("""count(ALERTS{alertname="DispatchOutboxStuck"})"""));

        // A poison message: matching retries it, parks it in its error queue, and the gauge and the alert say so.
        await PublishPoisonAsync();
        await AtLeastAsync("""max(dispatch_messaging_error_queue_messages{job="matching", messaging_destination_name="matching-need-published_error"})""", 1);
        await Eventually.ReturnsAsync(() => Prometheus.QueryAsync("""ALERTS{alertname="DispatchErrorQueueNotEmpty", alertstate="firing"}"""),
            alerts => alerts.Any(a => (string?)a.Labels["job"] == "matching"), Deadline, "the error-queue alert should fire");
        await AtLeastAsync("""sum(messaging_masstransit_consume_retries_ea_total{job="matching"})""", 1);
    }

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alerts_ask_for_is_one_the_processes_expose()
    {
        using var street = await Street.SetUpAsync(observed.System.Gateway, DispatchSystem.AdminPassword);
        var needId = await street.PublishAsync();
        await street.RaceAsync(needId);
        await PublishPoisonAsync(); // for the failures and retries

        var asked = AlertRules.Expressions().SelectMany(MetricsIn).Distinct().Except(NotCaused).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("dispatch_outbox_pending_age_seconds", asked);
        var missing = new List<string>();
        foreach (var metric in asked)
        {
            var found = await Eventually.ReturnsAsync(() => ValueAsync($"count({{__name__=\"{metric}\"}})"), n => n > 0, TimeSpan.FromSeconds(20),
                $"{metric} should be scraped").ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            if (!found)
                missing.Add(metric);
        }
        output.WriteLine($"{asked.Count} metrics asked for: {string.Join(", ", asked)}");
        if (missing.Count > 0)
        {
            var exposed = await Prometheus.QueryAsync("""count by (__name__) ({__name__=~"(dispatch|http_server|db_client|messaging_masstransit|dotnet)_.*"})""");
            output.WriteLine("exposed: " + string.Join(", ", exposed.Select(e => (string?)e.Labels["__name__"]).Order(StringComparer.Ordinal)));
        }
        Assert.True(missing.Count == 0, "asked for but not exposed: " + string.Join(", ", missing));
    }

    /// <summary>A NeedPublished without a title: matching's consumer refuses it every time, and parks it after its retries.</summary>
    private Task PublishPoisonAsync() => new Broker(observed.System).PublishAsync("NeedPublished", new
    {
        needId = Guid.NewGuid(), communityId = Guid.NewGuid(), streetId = Guid.NewGuid(), districtId = Guid.NewGuid(), title = (string?)null,
        category = "elderly_care", skills = new[] { "陪伴聊天" }, volunteersNeeded = 1, startsAt = DateTime.UtcNow.AddDays(3),
        endsAt = DateTime.UtcNow.AddDays(3).AddHours(1), urgency = "normal", publishedAt = DateTime.UtcNow,
    });

    private async Task<double> ValueAsync(string promql) => await Prometheus.ValueAsync(promql) ?? 0;

    private Task AtLeastAsync(string promql, double least) =>
        Eventually.ReturnsAsync(() => ValueAsync(promql), value => value >= least, Deadline, $"{promql} should reach {least}");

    /// <summary>
    /// The metric names of the processes themselves in a PromQL expression (the rest come from kube-state-metrics and
    /// the exporters): what is left once label matchers and grouping clauses, which hold label names, are taken out.
    /// </summary>
    private static IEnumerable<string> MetricsIn(string promql)
    {
        var names = Grouping().Replace(Matchers().Replace(promql, ""), "");
        return OwnMetric().Matches(names).Select(m => m.Value);
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b(?:dispatch|http_server|db_client|messaging_masstransit|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex OwnMetric();
}
