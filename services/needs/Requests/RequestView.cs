using Dispatch.Contracts;

namespace Dispatch.Needs.Requests;

/// <summary>A request as its community's branch reads it in the inbox, with the resident's contact and the duplicate flag.</summary>
internal sealed record RequestView(
    Guid Id,
    string Category,
    string CategoryName,
    string? Description,
    DateTimeOffset WantedAt,
    string? ContactName,
    string? ContactPhone,
    string? Address,
    string Channel,
    string? FiledBy,
    string Status,
    string Progress,
    Guid? NeedId,
    string? NeedStatus,
    string? DeclineReason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    int? ResidentScore,
    string? ResidentComment,
    DateTimeOffset? RatedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PersonalDataErasedAt,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates)
{
    public static RequestView Of(ResidentRequest r, string? needStatus, IReadOnlyList<PossibleDuplicate> duplicates) =>
        new(r.Id, r.Category, ServiceCategories.Names.GetValueOrDefault(r.Category, r.Category), r.Description, r.WantedAt,
            r.ContactName, r.ContactPhone, r.Address, r.Channel, r.FiledBy, r.Status, ResidentProgress.Of(r, needStatus), r.NeedId,
            needStatus, r.DeclineReason, r.DecidedBy, r.DecidedAt, r.ResidentScore, r.ResidentComment, r.RatedAt, r.CreatedAt,
            r.PersonalDataErasedAt, duplicates);
}
