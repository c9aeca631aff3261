using System.Net;
using System.Text;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

/// <summary>The checker that holds the end-to-end tests' answers to the document finds what it should.</summary>
public sealed class PublicApiContractTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task A_real_answer_is_described_and_the_same_answer_against_a_drifted_document_is_not()
    {
        using var response = await gateway.CreateClient().GetAsync("/health/live");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Empty(PublicApiContract.Public.Check(response, body));

        // The document as a code change could leave it behind: health answers that must say "uptime" instead of "status".
        var text = await File.ReadAllTextAsync(Path.Combine(Dispatch.Testing.Processes.Build.RepositoryRoot, "gateway", "wwwroot", "openapi.yaml"));
        var health = text.IndexOf("\n    Health:\n", StringComparison.Ordinal);
        Assert.True(health > 0, "the document has no Health schema to change");
        var drifted = Path.Combine(Path.GetTempPath(), $"openapi-drifted-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(drifted, text[..health]
            + "\n    Health:\n      type: object\n      required: [uptime]\n      properties:\n        uptime: { type: string }\n    HealthAsWritten:\n"
            + text[(health + "\n    Health:\n".Length)..]);
        try
        {
            Assert.Contains(PublicApiContract.Load(drifted).Check(response, body), finding => finding.Contains("uptime", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(drifted);
        }
    }

    [Theory]
    [InlineData("GET", "/api/no-such-list", 404, "application/problem+json", "{}", "is not a path of the document")]
    [InlineData("DELETE", "/health/live", 405, null, "", "is not an operation of /health/live")]
    [InlineData("GET", "/health/live", 418, "application/json", "{}", "status 418 is not one of")]
    [InlineData("GET", "/health/live", 200, "text/html", "<p>ok</p>", "status 200 is text/html, not application/json")]
    [InlineData("GET", "/health/live", 200, "application/json", "{\"status\": 3}", "/status")]
    public void What_the_document_does_not_describe_is_named(string method, string path, int status, string? mediaType, string body, string expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = new HttpRequestMessage(new HttpMethod(method), new Uri("http://gateway" + path)),
            Content = new StringContent(body, Encoding.UTF8),
        };
        response.Content.Headers.ContentType = mediaType is null ? null : new(mediaType);

        Assert.Contains(PublicApiContract.Public.Check(response, body), finding => finding.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_literal_path_wins_over_a_template()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, new Uri("http://gateway/api/teams/applications")),
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        // Read as GET /api/teams/{id} it would be a documented operation; /api/teams/applications takes only POST.
        Assert.Equal(["GET is not an operation of /api/teams/applications"], PublicApiContract.Public.Check(response, "{}"));
    }
}
