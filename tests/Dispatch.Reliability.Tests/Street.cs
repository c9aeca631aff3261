using System.Net;

namespace Dispatch.Reliability.Tests;

/// <summary>
/// One street of the system set up through the gateway (<see cref="StreetBuilder"/>) — a community, its branch
/// and hatched teams that fit its needs — and the burst the fault tests run on it: needs published and raced for
/// by every team. Requests that meet a fault (a transport error or a 5xx) are retried, as a client would.
/// </summary>
public sealed class Street : IDisposable
{
    private readonly TestStreet _street;

    private Street(TestStreet street, int capacity, long parkedAtSetUp)
    {
        _street = street;
        Capacity = capacity;
        ParkedAtSetUp = parkedAtSetUp;
    }

    public Guid CommunityId => _street.CommunityId;
    public GatewayClient Admin => _street.Admin;
    public GatewayClient Branch => _street.Branch;
    public IReadOnlyList<(Guid Id, GatewayClient Client)> Teams => _street.Teams.Select(t => (t.Id, t.Client)).ToList();
    public IReadOnlyList<Guid> TeamIds => _street.TeamIds;

    /// <summary>How many open orders each team may hold.</summary>
    public int Capacity { get; }

    /// <summary>Messages already parked in the broker's error queues when the street was set up (by the tests before).</summary>
    public long ParkedAtSetUp { get; }

    /// <summary>
    /// A street with <paramref name="teamCount"/> teams of <paramref name="capacity"/> each; with several gateways,
    /// each client signs in at the next one. Waits until matching knows the teams and the community (events).
    /// </summary>
    public static async Task<Street> SetUpAsync(FaultSystem fixture, string tag, int teamCount = 2, int capacity = 5)
    {
        var system = fixture.System;
        var parked = await fixture.Broker.ParkedAsync();
        var built = await new StreetBuilder(system.Gateways[0], tag).Password("fault-password-1").SignInAt(system.Gateways)
            .Teams(teamCount, capacity).BuildAsync();
        var result = new Street(built, capacity, parked);

        // The teams reach matching by events; a need published before that would not be claimable by them.
        var probe = await result.PublishNeedAsync($"{tag} probe");
        foreach (var team in built.Teams)
        {
            await Eventually.TrueAsync(async () => (await team.Client.GetAsync("/api/orders/hall")).Body?.HasNeed(probe) == true,
                TimeSpan.FromSeconds(60), "the teams should see the street's needs");
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
        var id = created.Body!.Id();
        await RetryAsync(() => Branch.PostAsync($"/api/needs/{id}/publish"),
            // A conflict after a retry: the first attempt published it and its answer was lost.
            r => r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"publish {title}");
        return id;
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

    public void Dispose() => _street.Dispose();
}

/// <summary>What the claim requests answered.</summary>
public sealed class ClaimTally
{
    public int Won { get; private set; }
    public int Refused { get; private set; }
    public int Full { get; private set; }
    public int Faulted { get; private set; }
    public int NotYetThere { get; private set; }
    private readonly Dictionary<Guid, int> _winsPerNeed = [];

    /// <summary>Needs that more than one claim request won (must stay 0).</summary>
    public int NeedsWonTwice => _winsPerNeed.Values.Count(w => w > 1);

    /// <summary>
    /// Whether a round of answers for one need ends its race: a team won it, a 409 says a team holds it, or every
    /// team is full. One team's "capacity reached" alone does not: another may still have room.
    /// </summary>
    public static bool Settles(IReadOnlyCollection<ApiResponse?> answers) =>
        answers.Any(a => a?.Status == HttpStatusCode.OK || (a?.Status == HttpStatusCode.Conflict && !IsCapacityReached(a)))
        || answers.All(a => a is not null && IsCapacityReached(a));

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
                case HttpStatusCode.Conflict when IsCapacityReached(answer): Full++; break;
                case HttpStatusCode.Conflict: Refused++; break;
                case HttpStatusCode.NotFound: NotYetThere++; break;
                default: Faulted++; break;
            }
        }
    }

    private static bool IsCapacityReached(ApiResponse answer) =>
        answer.Status == HttpStatusCode.Conflict && answer.Body?["title"]?.GetValue<string>() == "Capacity reached";

    public override string ToString() =>
        $"{NeedsWonTwice} needs won twice, {Won} won, {Refused} refused (409 taken), {Full} refused (409 capacity reached), " +
        $"{NotYetThere} not yet in matching (404), {Faulted} met a fault";
}
