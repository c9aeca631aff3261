using System.Net;

namespace Dispatch.EndToEnd.Tests;

/// <summary>Every list of the public API, through the gateway, for the role that reads it: a page number no list can reach is a 400, never a 5xx.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PagingTests(DispatchSystem system)
{
    [Fact]
    public async Task A_page_number_past_any_offset_gets_400_naming_page_on_every_list()
    {
        using var street = await new StreetBuilder(system.Gateway, "paging").Teams(1).BuildAsync();
        var lists = new (GatewayClient Client, string Path)[]
        {
            (street.Branch, "/api/needs"),
            (street.Coordinator, "/api/needs"),
            (street.Coordinator, "/api/teams"),
            (street.Coordinator, "/api/accounts"),
            (street.Admin, "/api/accounts"),
            (street.Teams[0].Client, "/api/orders/hall"),
            (street.Teams[0].Client, "/api/orders/mine"),
            (street.Coordinator, "/api/stats/unclaimed"),
        };

        var failures = new List<string>();
        foreach (var (client, path) in lists)
        {
            foreach (var query in new[] { "page=2147483647", "page=2147483647&pageSize=100" })
            {
                var response = await client.GetAsync($"{path}?{query}");
                if (response.Status != HttpStatusCode.BadRequest || response.ContentType != "application/problem+json" || response.Body?["errors"]?["page"] is null)
                    failures.Add($"{path}?{query}: {response}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lists.Length * 2} answers were not a 400 naming page:\n{string.Join("\n", failures)}");
    }
}
