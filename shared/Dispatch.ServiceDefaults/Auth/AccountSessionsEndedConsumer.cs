using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.ServiceDefaults.Auth;

/// <summary>
/// Every process records the gateway's <see cref="AccountSessionsEnded"/> in its own <c>ended_sessions</c> table (so a
/// restart forgets nothing, and its sibling replicas read it within a refresh) and refuses the account's older tokens
/// from now on. The gateway, which wrote the row itself, finds it there and changes nothing.
/// </summary>
public sealed class AccountSessionsEndedConsumer(Database database, EndedSessions sessions) : IdempotentConsumer<AccountSessionsEnded>(database)
{
    protected override Guid? RowKey(AccountSessionsEnded message) => message.AccountId;

    protected override async Task HandleAsync(AccountSessionsEnded message, UnitOfWork unit, CancellationToken cancellationToken)
    {
        await EndedSessionsTable.RecordAsync(unit, message.AccountId, message.SessionGeneration, message.EndedAt, cancellationToken);
        // Before the commit: should it fail, the message comes again; refusing an ended session a moment early harms nobody.
        sessions.Record(message.AccountId, message.SessionGeneration, message.EndedAt);
    }
}
