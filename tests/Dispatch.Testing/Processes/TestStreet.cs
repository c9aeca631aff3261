using System.Net;

namespace Dispatch.Testing.Processes;

/// <summary>
/// One test's own street in a running system, set up through the gateway as people would: its places, a
/// coordinator, a branch per community and its teams, each account signed in. A test that asserts only on
/// its own street's data cannot be broken by the tests running beside it on the same system.
/// </summary>
public sealed class TestStreet : IDisposable
{
    internal TestStreet(string password, Guid districtId, Guid streetId, string coordinatorUsername, GatewayClient admin, GatewayClient coordinator,
        IReadOnlyList<StreetCommunity> communities, IReadOnlyList<StreetTeam> teams)
    {
        Password = password;
        DistrictId = districtId;
        StreetId = streetId;
        CoordinatorUsername = coordinatorUsername;
        Admin = admin;
        Coordinator = coordinator;
        Communities = communities;
        Teams = teams;
    }

    public string Password { get; }
    public Guid DistrictId { get; }
    public Guid StreetId { get; }
    public string CoordinatorUsername { get; }
    public GatewayClient Admin { get; }
    public GatewayClient Coordinator { get; }
    public IReadOnlyList<StreetCommunity> Communities { get; }
    public IReadOnlyList<StreetTeam> Teams { get; }

    /// <summary>The first community's branch.</summary>
    public GatewayClient Branch => Communities[0].Branch;

    public Guid CommunityId => Communities[0].Id;

    public IReadOnlyList<Guid> TeamIds => Teams.Select(t => t.Id).ToList();

    /// <summary>A need body of this street's kind (elderly care, 陪伴聊天, in three days), with the resident's contact.</summary>
    public static object NeedBody(string title, string category = "elderly_care", string[]? skills = null, DateTimeOffset? claimDeadline = null) => new
    {
        title, description = title, category, volunteersNeeded = 2, skills = skills ?? ["陪伴聊天"],
        startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2), beneficiaries = 1,
        address = "汇泉小区3号楼2单元", contactName = "李奶奶", contactPhone = "13900001111", claimDeadline,
    };

    /// <summary>The first community's branch writes and publishes a need (to <paramref name="targetTeamId"/> only, when given); its id.</summary>
    public async Task<Guid> PublishNeedAsync(string title, Guid? targetTeamId = null, string category = "elderly_care")
    {
        var need = (await Branch.PostExpectingAsync("/api/needs", NeedBody(title, category))).Id();
        await Branch.PostExpectingAsync($"/api/needs/{need}/publish", targetTeamId is null ? new { } : new { targetTeamId }, HttpStatusCode.OK);
        return need;
    }

    public void Dispose()
    {
        Admin.Dispose();
        Coordinator.Dispose();
        foreach (var community in Communities)
            community.Branch.Dispose();
        foreach (var team in Teams)
            team.Client.Dispose();
    }
}
