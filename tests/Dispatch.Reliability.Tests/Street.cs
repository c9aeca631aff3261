using System.Net;
using System.Text.Json.Nodes;

namespace Dispatch.Reliability.Tests;

/// <summary>
/// One street of the system set up through the gateway — a community, its branch and hatched teams
/// that fit its needs — and the burst the fault tests run on it: needs published and raced for by
/// every team. Requests that meet a fault (a transport error or a 5xx) are retried, as a client would.
/// </summary>
public sealed class Street : IDisposable
{
    private const string Password = "fault-password-1";

    private Street(Guid communityId, GatewayClient admin, GatewayClient branch, IReadOnlyList<(Guid Id, GatewayClient Client)> teams)
    {
        CommunityId = communityId;
        Admin = admin;
        Branch = branch;
        Teams = teams;
    }

    public Guid CommunityId { get; }
    public GatewayClient Admin { get; }
    public GatewayClient Branch { get; }
    public IReadOnlyList<(Guid Id, GatewayClient Client)> Teams { get; }
    public IReadOnlyList<Guid> TeamIds => Teams.Select(t => t.Id).ToList();

    /// <summary>
    /// A street with <paramref name="teamCount"/> teams; with several gateways, each client signs in
    /// at the next one. Waits until matching knows the teams and the community (events).
    /// </summary>
    public static async Task<Street> SetUpAsync(DispatchSystem system, string tag, int teamCount = 2)
    {
        var gateways = system.Gateways;
        var admin = await GatewayClient.SignInAsync(gateways[0], "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = $"{tag}区" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = $"{tag}街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = $"{tag}社区", branchName = $"{tag}社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = $"{tag}-coordinator", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = $"{tag}-branch", password = Password, role = "branch", communityId = Id(community) });

        using var coordinator = await GatewayClient.SignInAsync(gateways[0], $"{tag}-coordinator", Password);
        var teams = new List<(Guid, GatewayClient)>();
        for (var i = 1; i <= teamCount; i++)
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name = $"{tag}服务队{i}", kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天" }, capacity = 50, membersCount = 20, leaderName = "王队长", leaderPhone = "13800000001",
            });
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username = $"{tag}-team-{i}", password = Password, role = "team", teamId = Id(team) });
            teams.Add((Id(team), await GatewayClient.SignInAsync(gateways[i % gateways.Count], $"{tag}-team-{i}", Password)));
        }
        var branch = await GatewayClient.SignInAsync(gateways[^1], $"{tag}-branch", Password);
        var result = new Street(Id(community), admin, branch, teams);

        // The teams reach matching by events; a need published before that would not be claimable by them.
        var probe = await result.PublishNeedAsync($"{tag} probe");
        foreach (var (_, client) in teams)
        {
            await Eventually.TrueAsync(async () => (await client.GetAsync("/api/orders/hall")).Body?["items"]?.AsArray()
                .Any(i => i!["needId"]!.GetValue<string>() == probe.ToString()) == true, TimeSpan.FromSeconds(60), "the teams should see the street's needs");
        }
        await result.Branch.PostAsync($"/api/needs/{probe}/cancel", new { reason = "probe" });
        return result;
    }

    /// <summary>Writes and publishes one need, retrying through faults; its id once the publish is known to have happened.</summary>
    public async Task<Guid> PublishNeedAsync(string title, TimeSpan? claimWindow = null)
    {
        var body = new
        {
            title, description = "fault test", category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
            startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2), beneficiaries = 1,
            address = "1号楼", contactName = "李奶奶", contactPhone = "13900001111",
            claimDeadline = claimWindow is { } window ? DateTime.UtcNow + window : (DateTime?)null,
        };
        var created = await RetryAsync(() => Branch.PostAsync("/api/needs", body), r => r.Status == HttpStatusCode.Created, $"create {title}");
        var id = Id(created.Body!);
        await RetryAsync(() => Branch.PostAsync($"/api/needs/{id}/publish"),
            // A conflict after a retry: the first attempt published it and its answer was lost.
            r => r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"publish {title}");
        return id;
    }

    /// <summary>
    /// Every team claims each need at once until the need is held: answers are counted by kind. A 404
    /// (the order has not reached matching yet) and faults are retried; a 409 means someone holds it.
    /// </summary>
    public async Task<ClaimTally> ClaimRaceAsync(IReadOnlyList<Guid> needs, TimeSpan timeout)
    {
        var tally = new ClaimTally();
        var deadline = DateTime.UtcNow + timeout;
        var open = needs.ToList();
        while (open.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{open.Count} needs still not claimed after {timeout}: {string.Join(", ", open.Take(5))}");
            var settled = new List<Guid>();
            foreach (var need in open)
            {
                var answers = await Task.WhenAll(Teams.Select(t => TryAsync(() => t.Client.PostAsync($"/api/orders/{need}/claim"))));
                tally.Add(need, answers);
                if (answers.Any(a => a?.Status is HttpStatusCode.OK or HttpStatusCode.Conflict))
                    settled.Add(need);
            }
            open.RemoveAll(settled.Contains);
            if (open.Count > 0)
                await Task.Delay(100);
        }
        return tally;
    }

    public static async Task<ApiResponse> RetryAsync(Func<Task<ApiResponse>> send, Func<ApiResponse, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var response = await TryAsync(send);
            if (response is not null && done(response))
                return response;
            if (response is not null && (int)response.Status < 500 && response.Status != HttpStatusCode.NotFound)
                throw new InvalidOperationException($"{what}: unexpected answer {response}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what}: no success within the deadline; last answer {response?.ToString() ?? "none (transport error)"}");
            await Task.Delay(100);
        }
    }

    /// <summary>The answer, or null when the request did not get one (connection refused or reset, timeout).</summary>
    public static async Task<ApiResponse?> TryAsync(Func<Task<ApiResponse>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    public static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    public void Dispose()
    {
        Admin.Dispose();
        Branch.Dispose();
        foreach (var (_, client) in Teams)
            client.Dispose();
    }
}

/// <summary>What the claim requests answered.</summary>
public sealed class ClaimTally
{
    public int Won { get; private set; }
    public int Refused { get; private set; }
    public int Faulted { get; private set; }
    public int NotYetThere { get; private set; }
    private readonly Dictionary<Guid, int> _winsPerNeed = [];

    /// <summary>Needs that more than one claim request won (must stay 0).</summary>
    public int NeedsWonTwice => _winsPerNeed.Values.Count(w => w > 1);

    public void Add(Guid need, IEnumerable<ApiResponse?> answers)
    {
        foreach (var answer in answers)
        {
            switch (answer?.Status)
            {
                case HttpStatusCode.OK:
                    Won++;
                    _winsPerNeed[need] = _winsPerNeed.GetValueOrDefault(need) + 1;
                    break;
                case HttpStatusCode.Conflict: Refused++; break;
                case HttpStatusCode.NotFound: NotYetThere++; break;
                default: Faulted++; break;
            }
        }
    }

    public override string ToString() => $"{NeedsWonTwice} needs won twice, {Won} won, {Refused} refused (409), {NotYetThere} not yet in matching (404), {Faulted} met a fault";
}
