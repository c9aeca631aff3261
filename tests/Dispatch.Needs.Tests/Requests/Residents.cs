using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Xunit;

namespace Dispatch.Needs.Tests.Requests;

/// <summary>A community opened for residents' requests (its CommunityRegistered applied), and the ways a resident files and follows one.</summary>
public sealed class Residents(NeedsService service, Community community)
{
    public Community Community => community;

    public HttpClient Anonymous() => service.CreateClient();

    public static async Task<Residents> OpenAsync(NeedsService service)
    {
        var community = new Community(service);
        await community.PublishAsync(new CommunityRegistered(community.Id, "汇泉社区", "汇泉社区党支部", community.StreetId, "八大关街道",
            community.DistrictId, "市南区"));
        await community.WaitForAsync("select count(*) from communities where id = @Id", new { community.Id });
        return new Residents(service, community);
    }

    public object Form(string phone, string address = "汇泉小区3号楼2单元", string description = "老人行动不便，需要有人帮忙买菜",
        string category = "elderly_care", string name = "李奶奶", string? website = null, bool consent = true) => new
    {
        communityId = community.Id, category, description, wantedAt = DateTimeOffset.UtcNow.AddDays(2), contactName = name,
        contactPhone = phone, address, consent, website,
    };

    public async Task<HttpResponseMessage> FileAsync(object form)
    {
        using var anonymous = Anonymous();
        return await anonymous.PostAsJsonAsync("/api/requests", form);
    }

    /// <summary>Files and returns the answer (tracking and lookup codes).</summary>
    public async Task<JsonObject> FiledAsync(object form)
    {
        var response = await FileAsync(form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<(HttpStatusCode Status, string Text)> TrackAsync(string code)
    {
        using var anonymous = Anonymous();
        var response = await anonymous.GetAsync($"/api/requests/track/{code}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> TrackingAsync(string code)
    {
        var (status, text) = await TrackAsync(code);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonArray> InboxAsync(string query = "")
    {
        using var branch = community.Branch();
        return (await branch.GetFromJsonAsync<JsonObject>($"/api/requests/inbox{query}"))!["items"]!.AsArray();
    }
}
