using Dispatch.Contracts;
using Dispatch.Matching.Data;
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
            Status = OrderStatus.Published, Version = 1, PublishedAt = message.PublishedAt.ToUniversalTime(),
        };
        order = order with { ExpiresAt = order.StartsAt, DueAt = FirstDeadline(order) };
        var refused = order.TargetTeamId is { } target
            && ClaimEligibility.Refusal(await TeamReadModel.FindAsync(unit, target, cancellationToken), order) is not null;
        if (!refused)
        {
            await NeedMirror.OpenAsync(unit, order, cancellationToken);
            return;
        }

        // Opening and dropping the direction are two changes of the order: the OrderDirected saying why is version 2.
        if (await NeedMirror.OpenAsync(unit, order with { TargetTeamId = null, Version = 2 }, cancellationToken) is { } opened)
        {
            await unit.PublishAsync(new OrderDirected(order.NeedId, null, "matching",
                $"not directed: team {order.TargetTeamId} may not take this order", order.PublishedAt, opened), cancellationToken);
        }
    }

    /// <summary>The earlier of the claim window (the need's claim deadline, or the default) and the lead point before its start.</summary>
    private DateTimeOffset FirstDeadline(Order order)
    {
        var windowEnds = order.ClaimDeadline ?? order.PublishedAt + escalation.Value.DefaultClaimWindow;
        var lead = UnclaimedDeadline.LeadBeforeStart(order.PublishedAt, order.StartsAt, escalation.Value.LeadBeforeStart);
        return UnclaimedDeadline.Next(order.PublishedAt, windowEnds, order.StartsAt, lead, order.StartsAt);
    }
}
