using System.Globalization;
using System.Text;
using Dispatch.Contracts;
using Dispatch.Matching.Data;

namespace Dispatch.Matching.Apis;

/// <summary>The match-rate figures as one CSV table: a header row, then a row per group, the dimension in the first column.</summary>
internal static class MatchRateCsv
{
    public const string Header = "dimension,key,name,published,claimed,completed,match_rate,fulfilment_rate,median_seconds_to_claim,p90_seconds_to_claim";

    public static string Write(MatchFigures figures)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
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

    private static void Row(StringBuilder csv, string dimension, MatchCounts counts, string? key, string? name)
    {
        string[] cells =
        [
            dimension, key ?? "", name ?? "",
            Number(counts.Published), Number(counts.Claimed), Number(counts.Completed),
            Number(MatchRateFigures.Ratio(counts.Claimed, counts.Published)),
            Number(MatchRateFigures.Ratio(counts.Completed, counts.Published)),
            counts.MedianSecondsToClaim is { } median ? Number(Math.Round(median)) : "",
            counts.P90SecondsToClaim is { } p90 ? Number(Math.Round(p90)) : "",
        ];
        csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a name as a formula.
    private static string Escape(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0]) && !double.TryParse(cell, CultureInfo.InvariantCulture, out _))
            cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
