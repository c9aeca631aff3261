using Dispatch.Contracts;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>Keeps an open order's public description in step with its need; a taken order keeps what the team accepted.</summary>
internal sealed class NeedUpdatedConsumer(Database database) : IdempotentConsumer<NeedUpdated>(database)
{
    protected override Guid? RowKey(NeedUpdated message) => message.NeedId;

    protected override Task HandleAsync(NeedUpdated message, UnitOfWork unit, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            update orders
            set title = @Title, category = @Category, skills = @Skills, volunteers_needed = @VolunteersNeeded,
                starts_at = @StartsAt, ends_at = @EndsAt, version = version + 1
            where need_id = @NeedId and status = @Published
            """, new
        {
            message.NeedId, message.Title, message.Category, Skills = message.Skills.ToArray(), message.VolunteersNeeded,
            StartsAt = message.StartsAt.ToUniversalTime(), EndsAt = message.EndsAt.ToUniversalTime(), Published = OrderStatus.Published,
        }, cancellationToken);
}
