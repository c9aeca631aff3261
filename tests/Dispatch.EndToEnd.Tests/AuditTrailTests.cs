using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// The audit trail across the system: a resident's contact read (needs), a failed sign-in (gateway) and a reassignment
/// (matching) each reach the admin's trail with the account, the client's address behind the trusted gateway, and the
/// request's trace id.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AuditTrailTests(DispatchSystem system)
{
    [Fact]
    public async Task A_contact_read_a_failed_sign_in_and_a_reassignment_are_recorded_with_account_address_and_trace_id()
    {
        using var street = await new StreetBuilder(system.Gateway, "audit").Teams(2).BuildAsync();
        var needId = await street.PublishNeedAsync("为独居老人读报");
        var (holder, other) = (street.Teams[0], street.Teams[1]);
        await Eventually.ReturnsAsync(() => holder.Client.PostAsync($"/api/orders/{needId}/claim"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order should reach the hall");

        // The team that holds the order reads the resident's contact, from its own address.
        var read = Trace();
        var need = await Eventually.ReturnsAsync(
            () => holder.Client.SendAsync(HttpMethod.Get, $"/api/needs/{needId}", traceParent: read.Parent, forwardedFor: "203.0.113.41"),
            r => r.Body?["contactPhone"] is not null, TimeSpan.FromSeconds(30), "the holder should read the contact once the claim reaches needs");
        Assert.Equal(HttpStatusCode.OK, need.Status);

        // Someone fails to sign in as the coordinator.
        var failed = Trace();
        using (var anonymous = new GatewayClient(system.Gateway))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(HttpMethod.Post, "/api/auth/token",
                new { username = street.CoordinatorUsername, password = "not-the-password-9" }, failed.Parent, "203.0.113.42")).Status);

        // The coordinator suspends the holder and gives its order to the other team.
        await street.Coordinator.PostExpectingAsync($"/api/teams/{holder.Id}/suspend", new { reason = "服务投诉待核查" }, HttpStatusCode.OK);
        var reassign = Trace();
        await Eventually.ReturnsAsync(
            () => street.Coordinator.SendAsync(HttpMethod.Post, $"/api/orders/{needId}/reassign",
                new { teamId = other.Id, reason = "原队伍暂停，改派" }, reassign.Parent, "203.0.113.43"),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "matching should learn of the suspension and allow the reassignment");

        var contact = await EntryAsync(street, $"action=contact.read&subjectId={needId}&traceId={read.Id}");
        Assert.Equal((holder.Username, "team", "203.0.113.41", "needs"), Describe(contact));
        var signIn = await EntryAsync(street, $"action=sign_in.failed&username={street.CoordinatorUsername}&traceId={failed.Id}");
        Assert.Equal((street.CoordinatorUsername, "coordinator", "203.0.113.42", "gateway"), Describe(signIn));
        var reassigned = await EntryAsync(street, $"action=order.reassigned&subjectId={needId}&traceId={reassign.Id}");
        Assert.Equal((street.CoordinatorUsername, "coordinator", "203.0.113.43", "matching"), Describe(reassigned));
        Assert.Contains(other.Id.ToString(), reassigned["detail"]!.GetValue<string>());
    }

    private static (string Id, string Parent) Trace()
    {
        var id = ActivityTraceId.CreateRandom().ToHexString();
        return (id, $"00-{id}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    private static async Task<JsonNode> EntryAsync(TestStreet street, string query)
    {
        var found = await Eventually.ReturnsAsync(() => street.Admin.GetAsync($"/api/audit?{query}"),
            r => r.Body?["total"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(30), $"the audit trail should hold one entry for {query}");
        return found.Body!["items"]![0]!;
    }

    private static (string?, string?, string?, string?) Describe(JsonNode entry) => (
        entry["username"]?.GetValue<string>(), entry["role"]?.GetValue<string>(), entry["clientAddress"]?.GetValue<string>(),
        entry["service"]?.GetValue<string>());
}
