using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>The filters of GET /api/teams, bound from the query string.</summary>
internal sealed record TeamsQuery(string? Status, Guid? CommunityId, Guid? StreetId, string? Category, string? Skill, string? Q)
{
    public ValidationErrors Check(ValidationErrors errors) => errors
        .Require(Status is null || TeamStatus.All.Contains(Status), "status", $"status must be one of {string.Join(", ", TeamStatus.All)}.")
        .Require(Category is null || ServiceCategories.IsKnown(Category), "category", $"'{Category}' is not a known category.")
        .Require(Skill is null || Skill.Length <= 50, "skill", "skill must be at most 50 characters.")
        .Require(Q is null || Q.Length <= 100, "q", "q must be at most 100 characters.");

    public TeamFilter ToFilter() =>
        new(Status, CommunityId, StreetId, Category, string.IsNullOrWhiteSpace(Skill) ? null : Skill.Trim(), string.IsNullOrWhiteSpace(Q) ? null : Q.Trim());
}
