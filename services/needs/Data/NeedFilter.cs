using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Data;

/// <summary>
/// What a list of needs is narrowed to: the caller's scope (community or street) and the query's filters.
/// <see cref="From"/> (inclusive) and <see cref="To"/> (exclusive) bound the start of the service, or the
/// creation of the need when <see cref="ByCreation"/>. <see cref="Query"/> matches the contact's name and address only
/// when <see cref="SearchesContact"/>: for a caller who may see them, so that nobody finds a need by a resident it may not see.
/// </summary>
internal sealed record NeedFilter(
    Guid? CommunityId,
    Guid? StreetId,
    string? Status,
    string? Category,
    string? Query,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool ByCreation,
    Paging Paging,
    bool SearchesContact);
