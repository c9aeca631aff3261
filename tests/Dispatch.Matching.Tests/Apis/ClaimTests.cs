using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class ClaimTests(MatchingService service)
{
    [Fact]
    public async Task Twenty_teams_claiming_the_same_order_at_once_leave_exactly_one_winner()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var teams = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => street.TeamAsync(home)));
        var needId = await street.NeedAsync(home);
        var clients = teams.Select(street.As).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/orders/{needId}/claim", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = teams[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK)];
        var body = await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("claimed", body.GetProperty("status").GetString());
        Assert.Equal(winner.TeamId, body.GetProperty("teamId").GetGuid());
        // Whether a loser's read already saw the order taken or its claim found it so, it is told who won.
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal($"Team {winner.TeamId} holds this order (claimed).", (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(winner.TeamId, await street.QueryAsync<Guid>("select team_id from orders where need_id = @needId", new { needId }));
        Assert.Equal(1, await street.QueryAsync<int>("select sum(open_orders)::int from teams where team_id = any(@ids)", new { ids = teams.Select(t => t.TeamId).ToArray() }));
        Assert.Equal(1L, await street.QueryAsync<long>("select count(*) from outbox_messages where message_type = 'OrderClaimed' and body->>'needId' = @id", new { id = needId.ToString() }));
        // The event carries the version the claim gave the order (claim_order sets it in the body).
        Assert.Equal(await street.QueryAsync<long>("select version from orders where need_id = @needId", new { needId }),
            await street.QueryAsync<long>("select (body->>'version')::bigint from outbox_messages where message_type = 'OrderClaimed' and body->>'needId' = @id", new { id = needId.ToString() }));
    }

    [Fact]
    public async Task A_claim_the_team_has_no_room_for_when_it_runs_changes_nothing()
    {
        // The API refuses a full team before it tries; this is the race it cannot see: a place taken
        // between its read and the claim. claim_order must then roll the order back and write no event.
        var street = new Street(service);
        var home = await street.CommunityAsync("龙泉");
        var team = await street.TeamAsync(home, capacity: 1);
        var needId = await street.NeedAsync(home);
        await street.QueryAsync<int>("update teams set open_orders = capacity where team_id = @TeamId returning open_orders", new { team.TeamId });

        var refused = await Assert.ThrowsAsync<PostgresException>(() => street.QueryAsync<long?>("""
            select claimed_version from claim_order(@needId, @TeamId, array['published'], 'claimed', false, now(),
                                                     gen_random_uuid(), 'OrderClaimed', jsonb_build_object('needId', @needId), null)
            """, new { needId, team.TeamId }));

        Assert.Equal("DX001", refused.SqlState);
        Assert.Equal("published", await street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId }));
        Assert.Equal(1L, await street.QueryAsync<long>("select version from orders where need_id = @needId", new { needId }));
        Assert.Equal(0L, await street.QueryAsync<long>("select count(*) from outbox_messages where body->>'needId' = @id", new { id = needId.ToString() }));
    }

    [Fact]
    public async Task A_team_of_capacity_two_claiming_five_orders_at_once_gets_exactly_two()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home, capacity: 2);
        var needs = new List<Guid>();
        for (var i = 0; i < 5; i++)
            needs.Add(await street.NeedAsync(home));
        var clients = needs.Select(_ => street.As(team)).ToList();

        var responses = await Task.WhenAll(needs.Select((id, i) => clients[i].PostAsync($"/api/orders/{id}/claim", null)));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, await street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId }));
        Assert.Equal(2L, await street.QueryAsync<long>("select count(*) from orders where team_id = @TeamId", new { team.TeamId }));
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("capacity reached (2/2)", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_full_team_sees_an_empty_hall()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = await street.TeamAsync(home, capacity: 1);
        var first = await street.NeedAsync(home);
        await street.NeedAsync(home);
        var client = street.As(team);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{first}/claim", null)).StatusCode);

        var hall = await client.GetFromJsonAsync<JsonElement>("/api/orders/hall");
        Assert.Equal(0, hall.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_suspended_team_claim_gets_403()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var team = await street.TeamAsync(home, status: "suspended");
        var needId = await street.NeedAsync(home);

        var response = await street.As(team).PostAsync($"/api/orders/{needId}/claim", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("published", await street.QueryAsync<string>("select status from orders where need_id = @needId", new { needId }));
    }

    [Fact]
    public async Task Claims_outside_category_skills_area_or_direction_get_403()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("东南隅");
        var neighbour = await street.CommunityAsync("汇泉");
        var team = await street.TeamAsync(home);
        var other = await street.TeamAsync(home);
        var client = street.As(team);

        foreach (var needId in new[]
        {
            await street.NeedAsync(home, category: "health"),
            await street.NeedAsync(home, skills: ["手语"]),
            await street.NeedAsync(neighbour),
            await street.NeedAsync(home, targetTeamId: other.TeamId),
        })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task Claiming_an_unknown_order_gets_404_and_a_second_claim_gets_409()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home);
        var needId = await street.NeedAsync(home);
        var client = street.As(team);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/orders/{Guid.NewGuid()}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
    }

    [Theory]
    [InlineData("applied")]
    [InlineData("incubating")]
    [InlineData("suspended")]
    [InlineData("retired")]
    public async Task A_team_that_is_not_hatched_neither_claims_nor_accepts_and_sees_an_empty_hall(string status)
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("西由");
        var team = await street.TeamAsync(home, status: status);
        var open = await street.NeedAsync(home);
        var directed = await street.NeedAsync(home, targetTeamId: team.TeamId);
        var client = street.As(team);

        var claim = await client.PostAsync($"/api/orders/{open}/claim", null);
        var accept = await client.PostAsync($"/api/orders/{directed}/accept", null);
        var hall = await client.GetFromJsonAsync<JsonElement>("/api/orders/hall");

        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Contains(status, (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(0, hall.GetProperty("total").GetInt32());
        Assert.Equal(0L, await street.QueryAsync<long>("select count(*) from orders where need_id = any(@ids) and status <> 'published'", new { ids = new[] { open, directed } }));
        Assert.Equal(0, await street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId }));
    }

    [Fact]
    public async Task A_team_of_capacity_two_accepting_and_claiming_six_orders_at_once_gets_exactly_two()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("朱桥");
        var team = await street.TeamAsync(home, capacity: 2);
        var directed = new List<Guid>();
        var open = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            directed.Add(await street.NeedAsync(home, targetTeamId: team.TeamId));
            open.Add(await street.NeedAsync(home));
        }
        var client = street.As(team);

        var answers = await Task.WhenAll(directed.Select(n => client.PostAsync($"/api/orders/{n}/accept", null))
            .Concat(open.Select(n => client.PostAsync($"/api/orders/{n}/claim", null))));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var ids = directed.Concat(open).ToArray();
        Assert.Equal(2L, await street.QueryAsync<long>("select count(*) from orders where need_id = any(@ids) and team_id = @TeamId", new { ids, team.TeamId }));
        Assert.Equal(2, await street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId }));
        Assert.Equal(2L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'OrderClaimed' and (body->>'needId')::uuid = any(@ids)", new { ids }));
    }
}
