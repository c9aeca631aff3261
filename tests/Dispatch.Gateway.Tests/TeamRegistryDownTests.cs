using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class TeamRegistryDownTests(TeamRegistryDownFactory gateway) : IClassFixture<TeamRegistryDownFactory>
{
    [Fact]
    public async Task Team_account_while_the_registry_is_down_gets_503_and_creates_nothing()
    {
        var admin = gateway.ClientWithToken(TestTokens.Admin());

        var response = await admin.PostAsJsonAsync("/api/accounts",
            new { username = "team-down", password = "long-enough-1", role = "team", teamId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var listed = await (await admin.GetAsync("/api/accounts?role=team")).JsonAsync();
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }
}
