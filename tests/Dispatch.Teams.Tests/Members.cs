using System.Net.Http.Json;

namespace Dispatch.Teams.Tests;

/// <summary>Adding members the way a team does, for the tests that need some.</summary>
public static class Members
{
    public static Dictionary<string, object?> New(string name, string? phone = null, string joinedOn = "2025-03-01") => new()
    {
        ["name"] = name,
        ["phone"] = phone ?? $"139{Random.Shared.Next(10_000_000, 99_999_999)}",
        ["skills"] = new[] { "陪伴聊天" },
        ["joinedOn"] = joinedOn,
    };

    public static Task<MemberView> AddAsync(HttpClient client, Guid teamId, string name, string? phone = null) =>
        Street.CreatedAsync<MemberView>(client.PostAsJsonAsync($"/api/teams/{teamId}/members", New(name, phone)));
}
