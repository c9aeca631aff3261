using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Consumers;

/// <summary>
/// A published need becomes an order in the hall; a need published twice stays one order, and a
/// need whose cancellation overtook it (a tombstone in cancelled_needs) never opens one. A need the branch
/// directed to a team that may not take it (unknown here, not hatched, or outside its service list, as a
/// claim would be refused) opens to every eligible team instead, and the need's timeline is told why.
/// </summary>
internal sealed class NeedPublishedConsumer(Database database, IOptions<EscalationOptions> escalation) : IdempotentConsumer<NeedPublished>(database)
{
    protected override Guid? RowKey(NeedPublished message) => message.NeedId;

    protected override async Task HandleAsync(NeedPublished message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        var order = new Order
        {
            NeedId = message.NeedId, CommunityId = message.CommunityId, StreetId = message.StreetId, DistrictId = message.DistrictId,
            Title = message.Title, Category = message.Category, Skills = message.Skills.ToArray(), VolunteersNeeded = message.VolunteersNeeded,
            StartsAt = message.StartsAt.ToUniversalTime(), EndsAt = message.EndsAt.ToUniversalTime(),
            ClaimDeadline = message.ClaimDeadline?.ToUniversalTime(), Urgency = message.Urgency, TargetTeamId = message.TargetTeamId,
            PublishedAt = message.PublishedAt.ToUniversalTime(),
            DueAt = message.ClaimDeadline?.ToUniversalTime() ?? message.PublishedAt.ToUniversalTime() + escalation.Value.DefaultClaimWindow,
        };
        var refused = order.TargetTeamId is { } target
            && ClaimEligibility.Refusal(
                await unit.QuerySingleOrDefaultAsync<Team>("select * from teams where team_id = @target", new { target }, cancellationToken), order) is not null;

        var version = await unit.QuerySingleOrDefaultAsync<long?>("""
            insert into orders (need_id, community_id, street_id, district_id, title, category, skills, volunteers_needed,
                                starts_at, ends_at, claim_deadline, urgency, target_team_id, status, version, published_at, due_at)
            select @NeedId, @CommunityId, @StreetId, @DistrictId, @Title, @Category, @Skills, @VolunteersNeeded,
                   @StartsAt, @EndsAt, @ClaimDeadline, @Urgency, @Target, @Status, @Version, @PublishedAt, @DueAt
            where not exists (select 1 from cancelled_needs where need_id = @NeedId)
            on conflict (need_id) do nothing
            returning version
            """, new
        {
            order.NeedId, order.CommunityId, order.StreetId, order.DistrictId, order.Title, order.Category, order.Skills, order.VolunteersNeeded,
            order.StartsAt, order.EndsAt, order.ClaimDeadline, order.Urgency, Target = refused ? null : order.TargetTeamId,
            Status = OrderStatus.Published, Version = refused ? 2L : 1L, order.PublishedAt, order.DueAt,
        }, cancellationToken);
        if (refused && version is { } opened)
        {
            await unit.PublishAsync(new OrderDirected(order.NeedId, null, "matching",
                $"not directed: team {order.TargetTeamId} may not take this order", order.PublishedAt, opened), cancellationToken);
        }
    }
}
