using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Dispatch.Needs.Tests;

/// <summary>
/// A fresh community (in a fresh street and district) for one test, with its branch's client, so
/// tests sharing a service never see each other's needs; plus the ways to reach the service's
/// database and bus that the tests need.
/// </summary>
public sealed class Community(NeedsService service)
{
    public Guid DistrictId { get; } = Guid.NewGuid();
    public Guid StreetId { get; } = Guid.NewGuid();
    public Guid Id { get; } = Guid.NewGuid();

    public HttpClient Branch() => service.ClientWithToken(TestTokens.Branch(Id, StreetId, DistrictId));

    public HttpClient Coordinator() => service.ClientWithToken(TestTokens.Coordinator(StreetId, DistrictId));

    public HttpClient Team(Guid teamId) => service.ClientWithToken(TestTokens.Team(teamId, Id, StreetId, DistrictId));

    public HttpClient Admin() => service.ClientWithToken(TestTokens.Admin());

    public static object NeedBody(string title = "为独居老人陪伴聊天", string category = "elderly_care") => new
    {
        title, description = "每周两次上门陪伴", category, volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
        startsAt = DateTime.UtcNow.AddDays(3), endsAt = DateTime.UtcNow.AddDays(3).AddHours(2),
        claimDeadline = DateTime.UtcNow.AddDays(2), urgency = "urgent", beneficiaries = 1,
        address = "汇泉小区3号楼2单元", contactName = "李奶奶", contactPhone = "139-0000 1111",
    };

    /// <summary>A draft written by this community's branch.</summary>
    public async Task<Guid> DraftAsync(object? body = null)
    {
        using var branch = Branch();
        var response = await branch.PostAsJsonAsync("/api/needs", body ?? NeedBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    /// <summary>A need this community's branch wrote and published.</summary>
    public async Task<Guid> PublishedAsync()
    {
        var id = await DraftAsync();
        using var branch = Branch();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{id}/publish", null)).StatusCode);
        return id;
    }

    public async Task<JsonObject> NeedAsync(Guid id)
    {
        using var branch = Branch();
        return (await branch.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!;
    }

    public async Task<string> StatusAsync(Guid id) => (await NeedAsync(id))["status"]!.GetValue<string>();

    public async Task<JsonArray> TimelineAsync(Guid id)
    {
        using var branch = Branch();
        return (await branch.GetFromJsonAsync<JsonArray>($"/api/needs/{id}/timeline"))!;
    }

    /// <summary>Publishes as the matching service would, once the service's queues are bound (events sent before would be lost).</summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        await BusReadyAsync();
        await service.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());
    }

    public Task<string> WaitForStatusAsync(Guid id, string status) =>
        Eventually.ReturnsAsync(() => StatusAsync(id), s => s == status, because: $"need {id} should become {status}");

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public Task WaitForAsync(string countSql, object parameters) =>
        Eventually.TrueAsync(async () => await QueryAsync<long>(countSql, parameters) > 0, because: countSql);

    private async Task BusReadyAsync()
    {
        using var anonymous = service.CreateClient();
        await Eventually.TrueAsync(async () => (await anonymous.GetAsync("/health/ready")).IsSuccessStatusCode,
            because: "the service's bus should be connected and its queues bound");
    }
}
