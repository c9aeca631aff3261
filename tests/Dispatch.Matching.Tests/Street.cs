using Dapper;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Matching.Tests;

/// <summary>
/// A fresh street of one district for one test: it feeds the service's read models through real
/// events on the bus (each with an explicit message id) and waits until they have landed, so tests
/// sharing a service never see each other's places, teams or orders.
/// </summary>
public sealed class Street(ServiceFactory<Program> service)
{
    public Guid DistrictId { get; } = Guid.NewGuid();
    public Guid StreetId { get; } = Guid.NewGuid();

    public IBus Bus => service.Services.GetRequiredService<IBus>();

    public async Task<Guid> CommunityAsync(string name, Guid? streetId = null)
    {
        var id = Guid.NewGuid();
        await PublishAsync(new CommunityRegistered(id, name, name + "党支部", streetId ?? StreetId, "文昌路街道", DistrictId, "莱州市"));
        await WaitForAsync("select count(*) from communities where id = @id", new { id });
        return id;
    }

    public async Task<TeamProfile> TeamAsync(Guid communityId, string[]? categories = null, string[]? skills = null,
        string area = "community", int capacity = 3, string status = "hatched", Guid? streetId = null)
    {
        var team = new TeamProfile(Guid.NewGuid(), "银龄先锋", "volunteer_team", communityId, streetId ?? StreetId, DistrictId,
            categories ?? ["elderly_care"], skills ?? ["入户探访"], area, capacity, 20, status == "applied" ? "applied" : "incubating", null, 1);
        await PublishAsync(new TeamRegistered(team, DateTimeOffset.UtcNow));
        if (status is not ("incubating" or "applied"))
        {
            team = team with { Status = "hatched", HatchedAt = DateTimeOffset.UtcNow, Version = 2 };
            await PublishAsync(new TeamHatched(team, DateTimeOffset.UtcNow));
        }
        if (status is "suspended" or "retired")
        {
            // The registry announces a retirement as a suspension whose profile says retired.
            team = team with { Status = status, Version = 3 };
            await PublishAsync(new TeamSuspended(team, "测试", DateTimeOffset.UtcNow));
        }
        await WaitForAsync("select count(*) from teams where team_id = @TeamId and version = @Version", new { team.TeamId, team.Version });
        return team;
    }

    /// <summary>A member on the team's list, as the team registry announces one.</summary>
    public async Task<Guid> MemberAsync(TeamProfile team, DateOnly? leftOn = null)
    {
        var member = new TeamMemberChanged(Guid.NewGuid(), team.TeamId, new DateOnly(2025, 3, 1), leftOn, 1, DateTimeOffset.UtcNow);
        await PublishAsync(member);
        await WaitForAsync("select count(*) from team_members where member_id = @MemberId", new { member.MemberId });
        return member.MemberId;
    }

    public async Task<Guid> NeedAsync(Guid communityId, string category = "elderly_care", string[]? skills = null,
        Guid? targetTeamId = null, Guid? streetId = null, DateTimeOffset? publishedAt = null, DateTimeOffset? claimDeadline = null,
        DateTimeOffset? startsAt = null)
    {
        var need = NewNeed(communityId, category, skills, targetTeamId, streetId, publishedAt, claimDeadline, startsAt);
        await PublishAsync(need);
        await WaitForAsync("select count(*) from orders where need_id = @NeedId", new { need.NeedId });
        return need.NeedId;
    }

    public NeedPublished NewNeed(Guid communityId, string category = "elderly_care", string[]? skills = null,
        Guid? targetTeamId = null, Guid? streetId = null, DateTimeOffset? publishedAt = null, DateTimeOffset? claimDeadline = null,
        DateTimeOffset? startsAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(2);
        return new NeedPublished(Guid.NewGuid(), communityId, streetId ?? StreetId, DistrictId, "陪独居老人聊天", category,
            skills ?? ["入户探访"], 2, starts, starts.AddHours(2), claimDeadline, "normal", targetTeamId, publishedAt ?? DateTimeOffset.UtcNow);
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>Sets when a claimed order was claimed, so that figures of waiting times have exact inputs (the claim itself stamps the service's clock).</summary>
    public Task ClaimedAfterPublishingAsync(Guid needId, TimeSpan wait) =>
        QueryAsync<int>("update orders set claimed_at = published_at + @wait, first_claimed_at = published_at + @wait where need_id = @needId and claimed_at is not null returning 1", new { needId, wait });

    public HttpClient Coordinator => service.ClientWithToken(TestTokens.Coordinator(StreetId, DistrictId));

    /// <summary>The team suspended (or, with <paramref name="status"/> retired, retired) as the registry announces it.</summary>
    public async Task<TeamProfile> SuspendAsync(TeamProfile team, string status = "suspended")
    {
        var suspended = team with { Status = status, Version = team.Version + 1 };
        await PublishAsync(new TeamSuspended(suspended, "服务投诉待核查", DateTimeOffset.UtcNow));
        await WaitForAsync("select count(*) from teams where team_id = @TeamId and version = @Version", new { suspended.TeamId, suspended.Version });
        return suspended;
    }

    public HttpClient As(TeamProfile team) =>
        service.ClientWithToken(TestTokens.Team(team.TeamId, team.CommunityId, team.StreetId, team.DistrictId));

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public Task WaitForAsync(string countSql, object parameters, string? because = null) =>
        Eventually.TrueAsync(async () => await QueryAsync<long>(countSql, parameters) > 0, because: because ?? countSql);
}
