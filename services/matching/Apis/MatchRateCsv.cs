using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Matching.Apis;

/// <summary>The match-rate figures as one CSV table: a header row, then a row per group, the dimension in the first column.</summary>
internal static class MatchRateCsv
{
    private static readonly string[] Header =
        ["dimension", "key", "name", "published", "claimed", "completed", "match_rate", "fulfilment_rate", "median_seconds_to_claim", "p90_seconds_to_claim"];

    public static string Write(MatchFigures figures)
    {
        using var csv = new CsvExport(Header);
        Row(csv, "total", figures.Totals, "", "");
        foreach (var c in figures.ByCommunity)
            Row(csv, "community", c, c.Key, c.Name);
        foreach (var c in figures.ByCategory)
            Row(csv, "category", c, c.Key, ServiceCategories.Names.GetValueOrDefault(c.Key ?? "", c.Key ?? ""));
        foreach (var t in figures.ByTeam)
            Row(csv, "team", t, t.Key, t.Name);
        foreach (var w in figures.ByWeek)
            Row(csv, "week", w, w.Key, w.Key);
        return csv.ToString();
    }

    private static void Row(CsvExport csv, string dimension, MatchCounts counts, string? key, string? name) =>
        csv.Text(dimension).Text(key).Text(name)
            .Number(counts.Published).Number(counts.Claimed).Number(counts.Completed)
            .Number(MatchRateFigures.Ratio(counts.Claimed, counts.Published))
            .Number(MatchRateFigures.Ratio(counts.Completed, counts.Published))
            .Number(counts.MedianSecondsToClaim is { } median ? Math.Round(median) : null)
            .Number(counts.P90SecondsToClaim is { } p90 ? Math.Round(p90) : null)
            .EndRow();
}
