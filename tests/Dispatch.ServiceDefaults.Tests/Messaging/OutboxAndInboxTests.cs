using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

public sealed class OutboxAndInboxTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    private async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? default!;
    }

    private Task<long> ReceivedAsync(Guid needId) =>
        ScalarAsync<long>("select count(*) from received_messages where need_id = @needId", new { needId });

    private HttpRequestMessage Cancel(Guid needId, string reason, bool failAfterWrite = false) => new(HttpMethod.Post, "/probe/cancel")
    {
        Content = JsonContent.Create(new ProbeHost.CancelRequest(needId, reason, failAfterWrite)),
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin()) },
    };

    [Fact]
    public async Task A_committed_event_is_relayed_through_RabbitMQ_and_consumed_once()
    {
        var needId = Guid.NewGuid();

        var response = await host.Client.SendAsync(Cancel(needId, "duplicate need"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.ReturnsAsync(() => ReceivedAsync(needId), n => n == 1, because: "the consumer should see the event");
        Assert.Equal(0, await ScalarAsync<long>("select count(*) from outbox_messages where sent_at is null and body->>'needId' = @id", new { id = needId.ToString() }));
    }

    [Fact]
    public async Task An_event_of_a_rolled_back_change_never_leaves_the_service()
    {
        var needId = Guid.NewGuid();

        var response = await host.Client.SendAsync(Cancel(needId, "will fail", failAfterWrite: true));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await ScalarAsync<long>("select count(*) from outbox_messages where body->>'needId' = @id", new { id = needId.ToString() }));
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_twice()
    {
        var needId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var bus = host.Services.GetRequiredService<IBus>();
        using var deliveries = Deliveries.Watch(bus);

        for (var i = 0; i < 3; i++)
            await bus.Publish(new NeedCancelled(needId, "again", DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await deliveries.ConsumedAsync(messageId, times: 3);

        Assert.Equal(1, await ReceivedAsync(needId));
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_and_changes_nothing()
    {
        var needId = Guid.NewGuid();

        var invalid = await host.Client.SendAsync(Cancel(needId, " "));
        var malformed = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/probe/cancel")
        {
            Content = new StringContent("{\"needId\": 42", System.Text.Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin()) },
        });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("reason is required", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await ScalarAsync<long>("select count(*) from outbox_messages where body->>'needId' = @id", new { id = needId.ToString() }));
    }

    [Fact]
    public async Task A_request_without_a_valid_token_gets_401_problem_details()
    {
        var anonymous = await host.Client.PostAsJsonAsync("/probe/cancel", new ProbeHost.CancelRequest(Guid.NewGuid(), "x", false));
        var forged = new HttpRequestMessage(HttpMethod.Post, "/probe/cancel") { Content = JsonContent.Create(new ProbeHost.CancelRequest(Guid.NewGuid(), "x", false)) };
        var otherKey = new Dispatch.ServiceDefaults.Auth.AuthOptions { SigningKeys = "another-key-0123456789-0123456789-0123456789" };
        var token = new Dispatch.ServiceDefaults.Auth.TokenWriter(otherKey, TimeProvider.System)
            .Write(new Dispatch.ServiceDefaults.Auth.Caller(Guid.NewGuid(), "x", "admin", null, null, null, null)).Token;
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var forgedResponse = await host.Client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
    }

    [Fact]
    public async Task Readiness_names_the_database_and_the_broker()
    {
        var ready = await Eventually.ReturnsAsync(() => host.Admin.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK);
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Contains("\"postgres\"", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_trace_of_a_request_is_answered_as_its_correlation_id_and_travels_with_its_event_to_the_consumer()
    {
        var needId = Guid.NewGuid();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = Cancel(needId, "traced");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-00");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(traceId, response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.StartsWith($"00-{traceId}-", await ScalarAsync<string>(
            "select trace_parent from outbox_messages where body->>'needId' = @id", new { id = needId.ToString() }));
        Assert.Equal(traceId, await Eventually.ReturnsAsync(
            () => ScalarAsync<string?>("select trace_id from received_messages where need_id = @needId", new { needId }),
            id => id is not null, TimeSpan.FromSeconds(30), "the consumer should handle the event"));
    }

    [Fact]
    public async Task A_row_the_previous_release_wrote_with_a_correlation_id_is_relayed_in_a_trace_of_its_own()
    {
        // During a rolling upgrade the previous version's replicas still write correlation_id (and its claim_order
        // passes the correlation id where trace_parent now is).
        var needId = Guid.NewGuid();
        var row = OutboxMessage.For(new NeedCancelled(needId, "from the previous release", DateTimeOffset.UtcNow));
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
            await connection.ExecuteAsync("""
                insert into outbox_messages (message_id, message_type, body, correlation_id, trace_parent)
                values (@MessageId, @MessageType, @Body::jsonb, 'corr-123', 'corr-123')
                """, row);

        var traceId = await Eventually.ReturnsAsync(
            () => ScalarAsync<string?>("select trace_id from received_messages where need_id = @needId", new { needId }),
            id => id is not null, TimeSpan.FromSeconds(30), "the consumer should handle the event");

        Assert.Matches("^[0-9a-f]{32}$", traceId);
    }

    [Theory]
    [InlineData("trace-me-123")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    public async Task A_request_without_a_valid_traceparent_gets_a_trace_of_its_own(string traceParent)
    {
        var request = Cancel(Guid.NewGuid(), "untraced");
        request.Headers.TryAddWithoutValidation("traceparent", traceParent);

        var response = await host.Client.SendAsync(request);

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.DoesNotContain(id, traceParent, StringComparison.Ordinal);
    }
}
