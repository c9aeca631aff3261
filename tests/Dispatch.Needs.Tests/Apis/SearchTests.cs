using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

[Collection(NeedsCollection.Name)]
public sealed class SearchTests(NeedsService service)
{
    [Fact]
    public async Task Needs_are_found_by_the_day_their_service_starts_by_creation_time_and_by_text_in_the_address()
    {
        var community = new Community(service);
        var soon = DateTime.UtcNow.Date.AddDays(2);
        var later = DateTime.UtcNow.Date.AddDays(20);
        var early = await community.DraftAsync(Body("周末理发", soon, "汇泉小区1号楼"));
        var late = await community.DraftAsync(Body("月底体检", later, "文昌路8号"));
        using var branch = community.Branch();

        var firstWeek = await PageAsync(branch, $"from={Iso(soon)}&to={Iso(soon.AddDays(7))}");
        var fromLater = await PageAsync(branch, $"from={Iso(later)}");
        var createdToday = await PageAsync(branch, $"dateField=createdAt&from={Iso(DateTime.UtcNow.AddMinutes(-5))}&to={Iso(DateTime.UtcNow.AddMinutes(5))}");
        var createdYesterday = await PageAsync(branch, $"dateField=createdAt&to={Iso(DateTime.UtcNow.AddDays(-1))}");
        var byAddress = await PageAsync(branch, "q=文昌路");

        Assert.Equal([early], Ids(firstWeek));
        Assert.Equal([late], Ids(fromLater));
        Assert.Equal([late, early], Ids(createdToday));
        Assert.Empty(Ids(createdYesterday));
        Assert.Equal([late], Ids(byAddress));
        foreach (var bad in new[] { "dateField=publishedAt", $"from={Iso(later)}&to={Iso(soon)}", "from=tomorrow" })
            Assert.Equal(HttpStatusCode.BadRequest, (await branch.GetAsync($"/api/needs?{bad}")).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_may_not_see_the_contact_does_not_find_a_need_by_it()
    {
        var community = new Community(service);
        var resident = $"王{Guid.NewGuid():N}"[..6];
        var id = await community.DraftAsync(new
        {
            title = "周末理发", category = "elderly_care", volunteersNeeded = 1, startsAt = DateTime.UtcNow.AddDays(2),
            endsAt = DateTime.UtcNow.AddDays(2).AddHours(1), contactName = resident,
        });
        using var branch = community.Branch();
        using var admin = community.Admin();

        var byBranch = await PageAsync(branch, $"q={Uri.EscapeDataString(resident)}");
        var byAdmin = await PageAsync(admin, $"q={Uri.EscapeDataString(resident)}&communityId={community.Id}");

        Assert.Equal([id], Ids(byBranch));
        Assert.Empty(Ids(byAdmin));
    }

    private static object Body(string title, DateTime startsAt, string address) => new
    {
        title, category = "elderly_care", volunteersNeeded = 1, startsAt = startsAt.AddHours(1), endsAt = startsAt.AddHours(2), address,
    };

    private static string Iso(DateTime time) => Uri.EscapeDataString(time.ToString("yyyy-MM-ddTHH:mm:ssZ"));

    private static async Task<JsonObject> PageAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/needs?{query}"))!;

    private static Guid[] Ids(JsonObject page) =>
        page["items"]!.AsArray().Select(n => Guid.Parse(n!["id"]!.GetValue<string>())).ToArray();
}
