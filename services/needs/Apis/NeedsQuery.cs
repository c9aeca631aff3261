using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Apis;

/// <summary>
/// The filters of GET /api/needs, bound from the query string. <see cref="From"/> (inclusive) and <see cref="To"/>
/// (exclusive) bound the start of the service, or the creation of the need when <see cref="DateField"/> is <c>createdAt</c>.
/// </summary>
internal sealed record NeedsQuery(
    string? Status, string? Category, Guid? CommunityId, string? Q, DateTimeOffset? From, DateTimeOffset? To, string? DateField)
{
    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();

    public bool ByCreation => DateField == "createdAt";

    public ValidationErrors Check(ValidationErrors errors) => errors
        .Require(Status is null || NeedStatus.All.Contains(Status), "status", $"status must be one of {string.Join(", ", NeedStatus.All)}.")
        .Require(Category is null || ServiceCategories.IsKnown(Category), "category",
            $"category must be one of {string.Join(", ", ServiceCategories.Names.Keys)}.")
        .Require(Q is null || Q.Length <= 200, "q", "q must be at most 200 characters.")
        .Require(DateField is null or "startsAt" or "createdAt", "dateField", "dateField must be startsAt or createdAt.")
        .Require(From is null || To is null || From < To, "to", "to must be after from.");
}
