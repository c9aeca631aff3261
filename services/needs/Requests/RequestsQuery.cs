using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Requests;

/// <summary>The inbox's filter: <c>?status=received</c> shows what still waits for a decision.</summary>
internal sealed record RequestsQuery(string? Status)
{
    public ValidationErrors Check(ValidationErrors errors) =>
        errors.Require(Status is null || RequestStatus.All.Contains(Status), "status",
            $"status must be one of {string.Join(", ", RequestStatus.All)}.");
}
