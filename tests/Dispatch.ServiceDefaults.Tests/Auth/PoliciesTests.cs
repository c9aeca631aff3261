using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.ServiceDefaults.Tests.Auth;

/// <summary>The role policies on a service built only from the defaults: who passes, and what the refused are told.</summary>
public sealed class PoliciesTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Auth:SigningKeys"] = TestTokens.SigningKey;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.UseServiceDefaults();
        foreach (var policy in Policies.RolesOf.Keys)
            _app.MapGet($"/probe/{policy}", () => TypedResults.Ok()).RequireAuthorization(policy);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static string TokenOf(string role) => role switch
    {
        Roles.Admin => TestTokens.Admin(),
        Roles.Coordinator => TestTokens.Coordinator(Guid.NewGuid(), Guid.NewGuid()),
        Roles.Branch => TestTokens.Branch(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()),
        _ => TestTokens.Team(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()),
    };

    private Task<HttpResponseMessage> GetAsync(string policy, string? token) =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/probe/{policy}")
        {
            Headers = { Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token) },
        });

    [Fact]
    public async Task Each_policy_admits_exactly_its_roles()
    {
        foreach (var (policy, admitted) in Policies.RolesOf)
            foreach (var role in Roles.All)
            {
                var response = await GetAsync(policy, TokenOf(role));
                Assert.True((response.StatusCode == HttpStatusCode.OK) == admitted.Contains(role), $"{role} on {policy}: {response.StatusCode}");
            }
    }

    [Fact]
    public async Task A_refused_role_gets_a_403_problem_that_names_the_roles_allowed()
    {
        var response = await GetAsync(Policies.CoordinatorOrAdmin, TokenOf(Roles.Team));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("Not allowed", problem.GetProperty("title").GetString());
        Assert.Contains("coordinator or admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_policy_endpoint_still_answers_401_problem()
    {
        var response = await GetAsync(Policies.Admin, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
