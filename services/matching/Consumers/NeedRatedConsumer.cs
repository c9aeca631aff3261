using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>The branch rated the service: the order closes and the rating joins the team's track record.</summary>
internal sealed class NeedRatedConsumer(Database database) : IdempotentConsumer<NeedRated>(database)
{
    protected override Guid? RowKey(NeedRated message) => message.NeedId;

    protected override async Task HandleAsync(NeedRated message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        var teamId = await unit.QuerySingleOrDefaultAsync<Guid?>("""
            update orders set status = @To, rating = @Score, closed_at = @RatedAt, version = version + 1
            where need_id = @NeedId and status = any(@From)
            returning team_id
            """, new
        {
            message.NeedId, message.Score, RatedAt = message.RatedAt.ToUniversalTime(),
            From = OrderLifecycle.From(OrderAction.Close), To = OrderLifecycle.To(OrderAction.Close),
        }, cancellationToken);
        if (teamId is not null)
            await unit.ExecuteAsync(
                "update teams set rating_sum = rating_sum + @Score, rating_count = rating_count + 1 where team_id = @teamId",
                new { message.Score, teamId }, cancellationToken);
    }
}
