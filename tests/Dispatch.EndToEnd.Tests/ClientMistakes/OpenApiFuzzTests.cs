using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dispatch.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit.Abstractions;

namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>
/// Every operation of the public API's OpenAPI document, as every role, with the bad requests <see cref="BadRequests"/>
/// makes of it, through the gateway of a real system: no answer may be a 5xx.
/// </summary>
public sealed class OpenApiFuzzTests(TwoStreets streets, ITestOutputHelper output) : IClassFixture<TwoStreets>
{
    [Fact]
    public async Task No_bad_request_to_any_endpoint_as_any_role_is_answered_with_a_5xx()
    {
        var document = await ReadDocumentAsync();
        var tokens = await TokensAsync();
        using var http = new HttpClient { BaseAddress = streets.System.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var generator = new BadRequests(new FuzzIds(streets));
        var answers = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var sent = 0;
        var operations = BadRequests.Operations(document).ToList();

        foreach (var (template, method, operation, parameters) in operations)
        {
            var requests = generator.For(template, method, operation, parameters).ToList();
            // The well-formed request as every role tells which roles the endpoint admits; the bad ones go to those
            // roles in turn (a refused role's request ends at the authorization check, which the first round covered).
            var admitted = new List<string>();
            foreach (var (role, token) in tokens)
            {
                var status = await SendAsync(http, requests[0], token);
                Record(requests[0], role, status);
                if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                    admitted.Add(role);
            }
            if (admitted.Count == 0)
                admitted.Add("admin");
            await Parallel.ForEachAsync(requests.Skip(1).Select((request, i) => (request, role: admitted[i % admitted.Count])),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (item, _) => Record(item.request, item.role, await SendAsync(http, item.request, tokens[item.role])));
        }

        output.WriteLine($"{operations.Count} operations, {sent} requests sent: " +
            string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Value} × {a.Key}")));
        output.WriteLine($"answers of 5xx: {serverErrors.Count}");
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} answers of 5xx:\n" + string.Join("\n", serverErrors.Take(25)));

        void Record(BadRequest request, string role, HttpStatusCode status)
        {
            Interlocked.Increment(ref sent);
            answers.AddOrUpdate((int)status, 1, (_, n) => n + 1);
            if ((int)status >= 500)
                serverErrors.Enqueue($"{(int)status} as {role}: {request}");
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, BadRequest request, string? token)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (token is not null)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.ContentType is not null && request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType);
            // As a careful client sends a large body: a route that refuses its size (413) then answers before the body
            // is sent, instead of closing the connection while the body is still on its way.
            message.Headers.ExpectContinue = true;
        }
        // Headers only: the hall's event stream never ends, and the status is all this test needs.
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private async Task<Dictionary<string, string?>> TokensAsync()
    {
        var a = streets.A;
        var accounts = new Dictionary<string, (string Username, string Password)>
        {
            ["admin"] = ("admin", DispatchSystem.AdminPassword),
            ["coordinator"] = (a.CoordinatorUsername, a.Password),
            ["branch"] = (a.Communities[0].BranchUsername, a.Password),
            ["team"] = (a.Teams[0].Username, a.Password),
        };
        var tokens = new Dictionary<string, string?> { ["anonymous"] = null };
        using var anonymous = new GatewayClient(streets.System.Gateway);
        foreach (var (role, (username, password)) in accounts)
        {
            var response = await anonymous.PostAsync("/api/auth/token", new { username, password });
            Assert.True(response.Status == HttpStatusCode.OK, $"sign-in of {username}: {response}");
            tokens[role] = response.Body!["accessToken"]!.GetValue<string>();
        }
        return tokens;
    }

    private static async Task<OpenApiDocument> ReadDocumentAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var file = File.OpenRead(Path.Combine(Build.RepositoryRoot, "gateway", "wwwroot", "openapi.yaml"));
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(file, "yaml", settings);
        Assert.True(document is not null && diagnostic?.Errors.Count is null or 0,
            "openapi.yaml should read: " + string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? []));
        return document;
    }
}
