using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A year's volunteer figures as one CSV table: a header row, then the street's totals, each community, and every
/// team that served in the year by hours, the dimension in the second column. Teams leave the volunteer counts empty:
/// those are counted per community. Hours are written as the shortest number that reads back the same (6.50 as 6.5).
/// </summary>
internal static class VolunteerFiguresCsv
{
    private static readonly string[] Header =
        ["year", "dimension", "key", "name", "community", "registered_volunteers", "active_volunteers", "service_hours", "orders_served"];

    public static string Write(VolunteerFigures figures, IReadOnlyList<TeamHours> ranking)
    {
        using var csv = new CsvExport(Header);
        var totals = figures.Totals;
        Row(csv, figures.Year, "total", figures.StreetId, figures.StreetName, "", totals.RegisteredVolunteers, totals.ActiveVolunteers, totals.ServiceHours, totals.OrdersServed);
        foreach (var c in figures.ByCommunity)
            Row(csv, figures.Year, "community", c.CommunityId, c.CommunityName, c.CommunityName, c.RegisteredVolunteers, c.ActiveVolunteers, c.ServiceHours, c.OrdersServed);
        foreach (var t in ranking)
            Row(csv, figures.Year, "team", t.TeamId, t.TeamName, t.CommunityName, null, null, t.ServiceHours, t.OrdersServed);
        return csv.ToString();
    }

    private static void Row(CsvExport csv, int year, string dimension, Guid key, string name, string community,
        int? registered, int? active, decimal hours, int orders) =>
        csv.Number(year).Text(dimension).Text(key.ToString()).Text(name).Text(community)
            .Number(registered).Number(active).Number((double)hours).Number(orders)
            .EndRow();
}
