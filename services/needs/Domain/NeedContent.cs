namespace Dispatch.Needs.Domain;

/// <summary>What a branch writes about a need, already checked (see <c>NeedRequest.Validate</c>): trimmed, times in UTC.</summary>
internal sealed record NeedContent(
    string Title,
    string Description,
    string Category,
    int VolunteersNeeded,
    string[] Skills,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ClaimDeadline,
    string Urgency,
    int? Beneficiaries,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    Guid? TargetTeamId)
{
    public const string Normal = "normal";
    public const string Urgent = "urgent";
}
