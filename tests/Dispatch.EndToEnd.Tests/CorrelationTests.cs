using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>One need's path followed across the system's logs by the correlation id its client sent.</summary>
public sealed class CorrelationTests(DispatchSystem system) : IClassFixture<DispatchSystem>
{
    private const string Password = "e2e-password-2";

    [Fact]
    public async Task Correlation_id_of_a_publish_request_is_in_the_gateways_log_and_in_the_matching_services_line_for_the_consumed_NeedPublished()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "莱州市" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "文昌路街道" });
        var community = await admin.PostExpectingAsync($"/api/places/streets/{Id(street)}/communities", new { name = "汇泉社区", branchName = "汇泉社区党支部" });
        await admin.PostExpectingAsync("/api/accounts", new { username = "trace-branch", password = Password, role = "branch", communityId = Id(community) });
        using var branch = await GatewayClient.SignInAsync(system.Gateway, "trace-branch", Password);
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "陪老人去医院复查", description = "周三上午", category = "elderly_care", volunteersNeeded = 1,
            skills = Array.Empty<string>(), startsAt = DateTime.UtcNow.AddDays(2), endsAt = DateTime.UtcNow.AddDays(2).AddHours(3),
        });
        var correlationId = $"trace-{Guid.NewGuid():N}";

        var published = await branch.SendAsync(HttpMethod.Post, $"/api/needs/{Id(need)}/publish", new { }, correlationId);

        Assert.Equal(HttpStatusCode.OK, published.Status);
        var gatewayLine = await Eventually.ReturnsAsync(() => Task.FromResult(LineWith(system.Process("gateway"), correlationId, "/publish")),
            line => line is not null, TimeSpan.FromSeconds(10), "the gateway should log the request with its correlation id");
        var consumedLine = await Eventually.ReturnsAsync(() => Task.FromResult(LineWith(system.Process("matching"), correlationId, "Consuming NeedPublished")),
            line => line is not null, TimeSpan.FromSeconds(30), "the matching service should log consuming NeedPublished with the request's correlation id");
        Assert.Contains("POST", gatewayLine);
        Assert.Contains($"CorrelationId:{correlationId}", consumedLine);
    }

    private static string? LineWith(ServiceProcess process, string correlationId, string text) =>
        process.LogText().Split('\n').FirstOrDefault(line => line.Contains(correlationId, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal));

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
