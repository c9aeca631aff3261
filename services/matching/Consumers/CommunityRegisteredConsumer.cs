using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.Matching.Consumers;

/// <summary>Names communities in the hall and the figures; a rename overwrites.</summary>
internal sealed class CommunityRegisteredConsumer(Database database) : IdempotentConsumer<CommunityRegistered>(database)
{
    protected override Guid? RowKey(CommunityRegistered message) => message.CommunityId;

    protected override Task HandleAsync(CommunityRegistered message, UnitOfWork unit, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            insert into communities (id, name, street_id, district_id) values (@CommunityId, @Name, @StreetId, @DistrictId)
            on conflict (id) do update set name = excluded.name, street_id = excluded.street_id, district_id = excluded.district_id
            """, new { message.CommunityId, message.Name, message.StreetId, message.DistrictId }, cancellationToken);
}
