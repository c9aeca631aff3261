using System.Net;
using System.Net.Http.Headers;

namespace Dispatch.Testing.Processes;

/// <summary>
/// Shows a coordinator's token to every process of a system — each gateway, and each replica of each service
/// directly, not through a gateway — on an endpoint a coordinator may call there, and tells what each answered.
/// </summary>
public static class SessionProbe
{
    private static readonly Dictionary<string, string> CoordinatorPath = new(StringComparer.Ordinal)
    {
        ["gateway"] = "/api/accounts",
        ["needs"] = "/api/needs",
        ["teams"] = "/api/teams",
        ["matching"] = "/api/stats/match-rate",
    };

    public static async Task<ProcessStatuses> StatusesAsync(DispatchSystem system, string token)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var statuses = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        foreach (var process in system.Processes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(process.BaseAddress, CoordinatorPath[process.Name.Split('-')[0]]));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            statuses[process.Name] = response.StatusCode;
        }
        return new ProcessStatuses(statuses);
    }

    /// <summary>Polls until every process answers <paramref name="expected"/>; the last answers are in the message when a minute passes first.</summary>
    public static Task EveryProcessAnswersAsync(DispatchSystem system, string token, HttpStatusCode expected, string because) =>
        Eventually.ReturnsAsync(() => StatusesAsync(system, token), statuses => statuses.All(expected), TimeSpan.FromMinutes(1), because);

    /// <summary>The id of the street's coordinator account (to disable it) and a token of it (to show the processes).</summary>
    public static async Task<(Guid AccountId, string Token)> CoordinatorOfAsync(TestStreet street, Uri gateway)
    {
        var found = await street.Admin.GetAsync($"/api/accounts?role=coordinator&q={street.CoordinatorUsername}");
        var accountId = Guid.Parse(found.Body!["items"]!.AsArray().Single(a => a!["username"]!.GetValue<string>() == street.CoordinatorUsername)!["id"]!.GetValue<string>());
        return (accountId, await GatewayClient.TokenAsync(gateway, street.CoordinatorUsername, street.Password));
    }

    /// <summary>What the gateways answered (the processes named <c>gateway</c>, <c>gateway-2</c>, …).</summary>
    public static IEnumerable<HttpStatusCode> Gateways(this ProcessStatuses statuses) =>
        statuses.ByProcess.Where(p => p.Key.StartsWith("gateway", StringComparison.Ordinal)).Select(p => p.Value);
}
