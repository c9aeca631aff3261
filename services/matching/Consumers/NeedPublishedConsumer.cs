using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Consumers;

/// <summary>
/// A published need becomes an order in the hall; a need published twice stays one order, and a
/// need whose cancellation overtook it (a tombstone in cancelled_needs) never opens one.
/// </summary>
internal sealed class NeedPublishedConsumer(Database database, IOptions<EscalationOptions> escalation) : IdempotentConsumer<NeedPublished>(database)
{
    protected override Guid? RowKey(NeedPublished message) => message.NeedId;

    protected override Task HandleAsync(NeedPublished message, UnitOfWork unit, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            insert into orders (need_id, community_id, street_id, district_id, title, category, skills, volunteers_needed,
                                starts_at, ends_at, claim_deadline, urgency, target_team_id, status, version, published_at, due_at)
            select @NeedId, @CommunityId, @StreetId, @DistrictId, @Title, @Category, @Skills, @VolunteersNeeded,
                   @StartsAt, @EndsAt, @ClaimDeadline, @Urgency, @TargetTeamId, @Status, 1, @PublishedAt, @DueAt
            where not exists (select 1 from cancelled_needs where need_id = @NeedId)
            on conflict (need_id) do nothing
            """, new
        {
            message.NeedId, message.CommunityId, message.StreetId, message.DistrictId, message.Title, message.Category,
            Skills = message.Skills.ToArray(), message.VolunteersNeeded,
            StartsAt = message.StartsAt.ToUniversalTime(), EndsAt = message.EndsAt.ToUniversalTime(),
            ClaimDeadline = message.ClaimDeadline?.ToUniversalTime(), message.Urgency, message.TargetTeamId,
            Status = OrderStatus.Published, PublishedAt = message.PublishedAt.ToUniversalTime(),
            DueAt = message.ClaimDeadline?.ToUniversalTime() ?? message.PublishedAt.ToUniversalTime() + escalation.Value.DefaultClaimWindow,
        }, cancellationToken);
}
