using System.Net;
using System.Text.Json;

namespace Dispatch.DemoStreet;

/// <summary>
/// Loads the demo street through the gateway's public API only, as the people who would do it:
/// the admin creates places and accounts, the coordinator registers and hatches the teams, each
/// branch writes and publishes its needs. Every step first looks whether it was done already.
/// </summary>
internal sealed class DemoStreetLoader(HttpClient http, LoaderOptions options, DemoData data, TextWriter log)
{
    public const string CoordinatorUsername = "wenchanglu-coordinator";

    private readonly GatewayClient _anonymous = new(http, log);
    private readonly List<DemoAccount> _accounts = [];

    public async Task<IReadOnlyList<DemoAccount>> LoadAsync(CancellationToken cancellationToken)
    {
        await WaitUntilReadyAsync(cancellationToken);
        var admin = await _anonymous.SignInAsync("admin", options.AdminPassword, cancellationToken);
        log.WriteLine("signed in as admin");

        var (streetId, communities) = await EnsurePlacesAsync(admin, cancellationToken);
        await EnsureAccountAsync(admin, new { username = CoordinatorUsername, password = options.Password, role = "coordinator", streetId },
            "coordinator", data.Street.Name, cancellationToken);
        foreach (var community in data.Street.Communities)
            await EnsureAccountAsync(admin, new { username = BranchUsername(community.Key), password = options.Password, role = "branch", communityId = communities[community.Key] },
                "branch", community.Branch, cancellationToken);

        var coordinator = await _anonymous.SignInAsync(CoordinatorUsername, options.Password, cancellationToken);
        for (var i = 0; i < data.Teams.Count; i++)
        {
            var team = data.Teams[i];
            var teamId = await EnsureTeamAsync(coordinator, team, i, streetId, communities[team.Community], cancellationToken);
            await EnsureAccountAsync(admin, new { username = TeamUsername(i), password = options.Password, role = "team", teamId },
                "team", team.Name, cancellationToken);
        }

        foreach (var community in data.Street.Communities)
        {
            var branch = await _anonymous.SignInAsync(BranchUsername(community.Key), options.Password, cancellationToken);
            await EnsureNeedsAsync(branch, community, cancellationToken);
        }
        return _accounts;
    }

    public static string BranchUsername(string communityKey) => $"{communityKey}-branch";

    public static string TeamUsername(int index) => $"team-{index + 1:00}";

    /// <summary>The need's time: a day of the next two weeks (spread by its place in the list), 01:00–04:00 UTC.</summary>
    public static (DateTimeOffset StartsAt, DateTimeOffset EndsAt) NeedTime(DateTimeOffset today, int index)
    {
        var startsAt = new DateTimeOffset(today.UtcDateTime.Date, TimeSpan.Zero).AddDays(index % 14 + 1).AddHours(1);
        return (startsAt, startsAt.AddHours(3));
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (true)
        {
            try
            {
                var (status, body) = await _anonymous.SendAsync(HttpMethod.Get, "/health/ready", null, cancellationToken);
                if (status == HttpStatusCode.OK)
                {
                    log.WriteLine($"gateway {options.Gateway} is ready");
                    return;
                }
                last = $"{(int)status} {body}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw new DemoLoadException($"the gateway at {options.Gateway} was not ready within 60 s; last answer: {last}");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<(Guid StreetId, Dictionary<string, Guid> Communities)> EnsurePlacesAsync(GatewayClient admin, CancellationToken cancellationToken)
    {
        var tree = await admin.GetAsync("/api/places", cancellationToken);
        var district = FindByName(tree, data.District.Name);
        var districtId = district is { } d ? Id(d) : await CreateAsync(admin, "/api/places/districts", new { name = data.District.Name }, cancellationToken);

        var street = district is { } dn ? FindByName(dn.GetProperty("streets"), data.Street.Name) : null;
        var streetId = street is { } s ? Id(s) : await CreateAsync(admin, $"/api/places/districts/{districtId}/streets", new { name = data.Street.Name }, cancellationToken);

        var communities = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var community in data.Street.Communities)
        {
            var existing = street is { } sn ? FindByName(sn.GetProperty("communities"), community.Name) : null;
            communities[community.Key] = existing is { } c ? Id(c)
                : await CreateAsync(admin, $"/api/places/streets/{streetId}/communities", new { name = community.Name, branchName = community.Branch }, cancellationToken);
        }
        log.WriteLine($"places: {data.District.Name} / {data.Street.Name} / {communities.Count} communities");
        return (streetId, communities);
    }

    private async Task EnsureAccountAsync(GatewayClient admin, object account, string role, string boundTo, CancellationToken cancellationToken)
    {
        var username = JsonSerializer.SerializeToElement(account).GetProperty("username").GetString()!;
        var (status, _) = await admin.PostAsync("/api/accounts", account, cancellationToken, HttpStatusCode.Created, HttpStatusCode.Conflict);
        log.WriteLine(status == HttpStatusCode.Created ? $"account {username} created" : $"account {username} exists");
        _accounts.Add(new DemoAccount(username, role, boundTo, options.Password));
    }

    private async Task<Guid> EnsureTeamAsync(GatewayClient coordinator, DemoTeam team, int index, Guid streetId, Guid communityId, CancellationToken cancellationToken)
    {
        var found = await coordinator.GetAsync($"/api/teams?q={Uri.EscapeDataString(team.Name)}&streetId={streetId}&pageSize=100", cancellationToken);
        var existing = FindByName(found.GetProperty("items"), team.Name);
        Guid id;
        string status;
        if (existing is { } e)
        {
            (id, status) = (Id(e), e.GetProperty("status").GetString()!);
        }
        else
        {
            var (_, created) = await coordinator.PostAsync("/api/teams", TeamRegistration(team, index, communityId), cancellationToken);
            (id, status) = (Id(created), created.GetProperty("status").GetString()!);
        }
        if (team.Status == "hatched" && status == "incubating")
        {
            await coordinator.PostAsync($"/api/teams/{id}/hatch", null, cancellationToken);
            status = "hatched";
        }
        log.WriteLine($"team {index + 1:00} {team.Name}: {status}{(existing is null ? " (registered)" : "")}");
        return id;
    }

    /// <summary>
    /// The body of <c>POST /api/teams</c>; categories and skills listed once each (the data file repeats
    /// some, which the registry rightly refuses), the leader made up.
    /// </summary>
    public static object TeamRegistration(DemoTeam team, int index, Guid communityId) => new
    {
        name = team.Name,
        kind = team.Kind,
        communityId,
        categories = team.Categories.Distinct().ToArray(),
        skills = team.Skills.Distinct().ToArray(),
        capacity = team.Capacity,
        membersCount = team.MembersCount,
        leaderName = $"队长{index + 1:00}",
        leaderPhone = $"1380000{index + 1:0000}",
        serviceArea = team.ServiceArea,
    };

    private async Task EnsureNeedsAsync(GatewayClient branch, DemoCommunity community, CancellationToken cancellationToken)
    {
        var mine = await branch.GetAsync("/api/needs?pageSize=1", cancellationToken);
        if (mine.GetProperty("total").GetInt32() > 0)
        {
            log.WriteLine($"needs of {community.Name}: already there, skipped");
            return;
        }

        var today = DateTimeOffset.UtcNow;
        var published = 0;
        for (var i = 0; i < data.Needs.Count; i++)
        {
            var need = data.Needs[i];
            if (need.Community != community.Key)
                continue;
            var (startsAt, endsAt) = NeedTime(today, i);
            var (_, created) = await branch.PostAsync("/api/needs", new
            {
                title = need.Title,
                description = Describe(need),
                category = need.Category,
                volunteersNeeded = need.VolunteersNeeded,
                skills = need.Skills,
                startsAt,
                endsAt,
                urgency = need.Urgency,
                beneficiaries = need.Beneficiaries,
            }, cancellationToken);
            await branch.PostAsync($"/api/needs/{Id(created)}/publish", null, cancellationToken);
            published++;
        }
        log.WriteLine($"needs of {community.Name}: {published} written and published");
    }

    public static string Describe(DemoNeed need) => need.Beneficiaries is > 0
        ? $"{need.Title}：社区党支部走访收集的需求，惠及 {need.Beneficiaries} 位居民，需要 {need.VolunteersNeeded} 名志愿者。"
        : $"{need.Title}：社区党支部走访收集的需求，需要 {need.VolunteersNeeded} 名志愿者。";

    private static async Task<Guid> CreateAsync(GatewayClient client, string path, object body, CancellationToken cancellationToken) =>
        Id((await client.PostAsync(path, body, cancellationToken)).Body);

    private static JsonElement? FindByName(JsonElement array, string name) =>
        array.EnumerateArray().Where(e => e.GetProperty("name").GetString() == name).Select(e => (JsonElement?)e).FirstOrDefault();

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();
}
