namespace Dispatch.Needs.Data;

/// <summary>What a list of needs is narrowed to: the caller's scope (community or street) and the query's filters.</summary>
internal sealed record NeedFilter(Guid? CommunityId, Guid? StreetId, string? Status, string? Category, string? Query, int Page, int PageSize);
