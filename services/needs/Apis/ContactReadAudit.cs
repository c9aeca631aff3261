using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Needs.Apis;

/// <summary>
/// Records every answer that shows a resident's contact (name, phone or exact address), and which needs, on the endpoint
/// that answers it: whatever decided to show the contact, what was sent is what is recorded. The answer waits for the entry
/// (an outbox row), so a contact that could not be recorded is not shown.
/// </summary>
internal sealed class ContactReadAudit(AuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var shown = (result is INestedHttpResult nested ? nested.Result : result) switch
        {
            Ok<NeedView> { Value: { } need } when ShowsContact(need) => [need.Id],
            Ok<ItemsPage<NeedView>> { Value: { } page } => page.Items.Where(ShowsContact).Select(n => n.Id).ToList(),
            _ => (IReadOnlyList<Guid>)[],
        };
        if (shown.Count > 0)
            await audit.RecordAsync(AuditActions.ContactRead, AuditSubject.Needs(shown), null, context.HttpContext.RequestAborted);
        return result;
    }

    private static bool ShowsContact(NeedView need) => need.ContactName is not null || need.ContactPhone is not null || need.Address is not null;
}
