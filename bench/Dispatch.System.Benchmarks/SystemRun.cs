using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Testing.Processes;
using Npgsql;

namespace Dispatch.System.Benchmarks;

/// <summary>
/// The whole system as real processes (<see cref="DispatchSystem"/>): a street with one community,
/// its branch and 64 hatched teams, then publishing, the hall, the claim race and the gateway's overhead.
/// </summary>
internal sealed class SystemRun(DispatchSystem system)
{
    private const string Password = "bench-password-1";
    public const int Teams = 64;

    private string _branchToken = "";
    private readonly List<(Guid Id, string Token)> _teams = [];

    private Uri Gateway(string path) => new(system.Gateway, path);

    public async Task SetUpStreetAsync()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "莱州市" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "文昌路街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "汇泉社区", branchName = "汇泉社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = "bench-coordinator", password = Password, role = "coordinator", streetId = Id(street) });
        await admin.PostExpectingAsync("/api/accounts", new { username = "bench-branch", password = Password, role = "branch", communityId = Id(community) });
        using var coordinator = await GatewayClient.SignInAsync(system.Gateway, "bench-coordinator", Password);
        var teams = new ConcurrentDictionary<int, (Guid, string)>();
        await Parallel.ForEachAsync(Enumerable.Range(1, Teams), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name = $"文昌助老服务队{n:D2}", kind = "volunteer_team", communityId = Id(community), categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天" }, capacity = 50, membersCount = 20, leaderName = "孙队长", leaderPhone = "13800000002",
            });
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username = $"bench-team-{n:D2}", password = Password, role = "team", teamId = Id(team) });
            teams[n] = (Id(team), await TokenAsync($"bench-team-{n:D2}"));
        });
        _teams.AddRange(teams.OrderBy(t => t.Key).Select(t => t.Value));
        _branchToken = await TokenAsync("bench-branch");

        // The matching service learns of the community and the hatched teams from events.
        await WaitForAsync("matching", "select count(*) from teams where status = 'hatched'", Teams, TimeSpan.FromSeconds(60));
        await WaitForAsync("matching", "select count(*) from communities", 1, TimeSpan.FromSeconds(60));
    }

    /// <summary>The same authenticated read, one at a time, straight to the matching service and through the gateway, alternating.</summary>
    public async Task<(Latencies Direct, Latencies ThroughGateway)> GatewayOverheadAsync(int count)
    {
        var token = _teams[0].Token;
        var direct = new Uri(system.Process("matching").BaseAddress, "/api/orders/mine?pageSize=1");
        var viaGateway = Gateway("/api/orders/mine?pageSize=1");
        var directLatencies = new Latencies();
        var gatewayLatencies = new Latencies();
        for (var i = -200; i < count; i++)
        {
            foreach (var (url, latencies) in i % 2 == 0 ? new[] { (direct, directLatencies), (viaGateway, gatewayLatencies) } : [(viaGateway, gatewayLatencies), (direct, directLatencies)])
            {
                var started = Stopwatch.GetTimestamp();
                var (status, body) = await Http.SendAsync(HttpMethod.Get, url, token);
                var ms = Latencies.Since(started);
                if (status != HttpStatusCode.OK)
                    throw new InvalidOperationException($"GET {url}: {(int)status} {body}");
                if (i >= 0)
                    latencies.Add(ms);
            }
        }
        return (directLatencies, gatewayLatencies);
    }

    /// <summary>
    /// The claim race's hops without the claim: the teams reading their orders (<c>GET /api/orders/mine</c>, a page of
    /// one: two small queries) through the gateway, 64 requests in flight, for <paramref name="duration"/>. What any
    /// request of the race costs at least on this machine, and so the floor of its latency with 64 in flight.
    /// </summary>
    public Task<LoadResult> ReadLoopAsync(TimeSpan duration) =>
        Load.ClosedLoopAsync(Teams, async i =>
            (await Http.SendAsync(HttpMethod.Get, Gateway("/api/orders/mine?pageSize=1"), _teams[i % Teams].Token)).Status == HttpStatusCode.OK,
            duration: duration);

    /// <summary>Drafts for the branch to publish (closed loop); their ids in creation order.</summary>
    public async Task<(LoadResult Result, Guid[] Ids)> CreateDraftsAsync(int count, int workers)
    {
        var ids = new Guid[count];
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var result = await Load.ClosedLoopAsync(workers, async i =>
        {
            var json = JsonSerializer.Serialize(new
            {
                title = $"陪独居老人聊天 {i}", category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
                startsAt = starts.AddMinutes(i), endsAt = starts.AddMinutes(i).AddHours(2),
                address = "文昌小区7号楼1单元", contactName = "赵爷爷", contactPhone = "13900002468",
            });
            var (status, body) = await Http.SendAsync(HttpMethod.Post, Gateway("/api/needs"), _branchToken, json);
            if (status != HttpStatusCode.Created)
                throw new InvalidOperationException($"POST /api/needs: {(int)status} {body}");
            ids[i] = Id(JsonNode.Parse(body)!);
            return true;
        }, total: count);
        return (result, ids);
    }

    /// <summary>Publishing as fast as the branch can: closed loop through the gateway.</summary>
    public async Task<LoadResult> PublishAsFastAsPossibleAsync(Guid[] ids, int workers)
    {
        var result = await Load.ClosedLoopAsync(workers, async i =>
            (await Http.SendAsync(HttpMethod.Post, Gateway($"/api/needs/{ids[i]}/publish"), _branchToken, "{}")).Status == HttpStatusCode.OK, total: ids.Length);
        return result;
    }

    /// <summary>
    /// Publishing at a steady <paramref name="perSecond"/> (open loop: each publish leaves on schedule
    /// whether or not earlier ones answered); the hall is watched by reading the matching database's
    /// orders, which is what the hall lists, every few milliseconds.
    /// </summary>
    public async Task<(LoadResult Publish, Latencies ToHall, int Missing)> PublishToHallAsync(Guid[] ids, int perSecond)
    {
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var toHall = new Latencies();
        var publishLatencies = new Latencies();
        var failures = 0;
        var done = false;
        await using var matching = NpgsqlDataSource.Create(system.Database("matching"));

        var watcher = Task.Run(async () =>
        {
            var seen = new HashSet<Guid>();
            await using var connection = await matching.OpenConnectionAsync();
            await using var query = new NpgsqlCommand("select need_id from orders where need_id = any(@ids)", connection);
            var parameter = new NpgsqlParameter<Guid[]>("ids", Array.Empty<Guid>());
            query.Parameters.Add(parameter);
            var lastChange = Stopwatch.GetTimestamp();
            while (seen.Count < ids.Length && !(Volatile.Read(ref done) && Latencies.Since(lastChange) > 30_000))
            {
                var pending = sentAt.Keys.Where(id => !seen.Contains(id)).ToArray();
                if (pending.Length > 0)
                {
                    var pollStarted = Stopwatch.GetTimestamp(); // a row seen now was committed before this moment
                    parameter.TypedValue = pending;
                    await using (var reader = await query.ExecuteReaderAsync())
                        while (await reader.ReadAsync())
                        {
                            var id = reader.GetGuid(0);
                            if (seen.Add(id))
                            {
                                toHall.Add(Stopwatch.GetElapsedTime(sentAt[id], pollStarted).TotalMilliseconds);
                                lastChange = Stopwatch.GetTimestamp();
                            }
                        }
                }
                await Task.Delay(2);
            }
            return seen.Count;
        });

        var clock = Stopwatch.StartNew();
        var publishes = new List<Task>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var id = ids[i];
            publishes.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                sentAt[id] = started;
                var (status, _) = await Http.SendAsync(HttpMethod.Post, Gateway($"/api/needs/{id}/publish"), _branchToken, "{}");
                publishLatencies.Add(Latencies.Since(started));
                if (status != HttpStatusCode.OK)
                    Interlocked.Increment(ref failures);
            }));
        }
        await Task.WhenAll(publishes);
        var elapsed = clock.Elapsed;
        Volatile.Write(ref done, true);
        var seenCount = await watcher;
        return (new LoadResult(ids.Length, failures, elapsed, publishLatencies), toHall, ids.Length - seenCount);
    }

    public Task WaitForOrdersAsync(int count) =>
        WaitForAsync("matching", "select count(*) from orders where status = 'published'", count, TimeSpan.FromSeconds(180));

    /// <summary>
    /// 64 teams race over the orders: each walks them in its own random order and claims each one it has
    /// not yet seen taken (as the hall would stop showing it), one request at a time per team.
    /// Checks that every order has exactly one winner, and that the matching database agrees.
    /// </summary>
    public async Task<(LoadResult Result, int Won, int Lost, string Check)> ClaimRaceAsync(Guid[] orders)
    {
        var taken = new ConcurrentDictionary<Guid, byte>();
        var winners = new ConcurrentDictionary<Guid, ConcurrentBag<Guid>>();
        var latencies = new Latencies();
        int won = 0, lost = 0, failures = 0;
        await using var matching = NpgsqlDataSource.Create(system.Database("matching"));
        var heldBefore = await OpenOrdersAsync(matching);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(_teams.Select((team, index) => Task.Run(async () =>
        {
            var order = orders.ToArray();
            new Random(index).Shuffle(order);
            foreach (var needId in order)
            {
                if (taken.ContainsKey(needId))
                    continue;
                var started = Stopwatch.GetTimestamp();
                var (status, body) = await Http.SendAsync(HttpMethod.Post, Gateway($"/api/orders/{needId}/claim"), team.Token, "{}");
                latencies.Add(Latencies.Since(started));
                taken[needId] = 0;
                if (status == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref won);
                    winners.GetOrAdd(needId, _ => []).Add(team.Id);
                }
                else if (status == HttpStatusCode.Conflict && body.Contains("Capacity reached", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref lost);
                    return; // this team is full
                }
                else if (status == HttpStatusCode.Conflict)
                    Interlocked.Increment(ref lost);
                else
                    Interlocked.Increment(ref failures);
            }
        })));
        clock.Stop();
        var result = new LoadResult(latencies.Count, failures, clock.Elapsed, latencies);

        // Exactly one winner per order, by the answers and by the database.
        var problems = new List<string>();
        var twice = winners.Count(w => w.Value.Count > 1);
        if (twice > 0)
            problems.Add($"{twice} orders had more than one winner");
        if (winners.Count != orders.Length)
            problems.Add($"{orders.Length - winners.Count} orders had no winner");
        await using (var connection = await matching.OpenConnectionAsync())
        {
            await using var query = new NpgsqlCommand("select need_id, status, team_id from orders where need_id = any(@ids)", connection);
            query.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", orders));
            await using var reader = await query.ExecuteReaderAsync();
            var disagree = 0;
            while (await reader.ReadAsync())
            {
                var id = reader.GetGuid(0);
                if (reader.GetString(1) != "claimed" || reader.IsDBNull(2) || !winners.TryGetValue(id, out var who) || who.Count != 1 || who.Single() != reader.GetGuid(2))
                    disagree++;
            }
            if (disagree > 0)
                problems.Add($"{disagree} orders where the database disagrees with the winning answer");
        }
        var held = await OpenOrdersAsync(matching) - heldBefore;
        if (held != orders.Length)
            problems.Add($"teams count {held} more open orders for {orders.Length} claimed");
        return (result, won, lost, problems.Count == 0 ? $"exactly one winner for each of {orders.Length} orders (answers and database agree)" : "FAILED: " + string.Join("; ", problems));
    }

    private static async Task<long> OpenOrdersAsync(NpgsqlDataSource matching)
    {
        await using var query = matching.CreateCommand("select coalesce(sum(open_orders), 0) from teams");
        return (long)(await query.ExecuteScalarAsync())!;
    }

    /// <summary>The needs service mirrors every claim (OrderClaimed through the outbox and RabbitMQ).</summary>
    public Task WaitForClaimsMirroredAsync(int count) =>
        WaitForAsync("needs", "select count(*) from needs where status = 'claimed'", count, TimeSpan.FromSeconds(180));

    private async Task WaitForAsync(string database, string countSql, long expected, TimeSpan timeout)
    {
        await using var source = NpgsqlDataSource.Create(system.Database(database));
        var deadline = Stopwatch.StartNew();
        long count = -1;
        while (deadline.Elapsed < timeout)
        {
            await using var command = source.CreateCommand(countSql);
            count = (long)(await command.ExecuteScalarAsync())!;
            if (count >= expected)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{database}: expected {expected} from '{countSql}', have {count} after {timeout.TotalSeconds} s");
    }

    private async Task<string> TokenAsync(string username)
    {
        var (status, body) = await Http.SendAsync(HttpMethod.Post, Gateway("/api/auth/token"), json: JsonSerializer.Serialize(new { username, password = Password }));
        return status == HttpStatusCode.OK
            ? JsonNode.Parse(body)!["accessToken"]!.GetValue<string>()
            : throw new InvalidOperationException($"sign-in of {username}: {(int)status} {body}");
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
