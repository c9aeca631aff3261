namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// The list convention, bound from the query string with <c>[AsParameters]</c>: page from 1 (default 1),
/// pageSize 1–<see cref="MaxPageSize"/> (default <see cref="DefaultPageSize"/>). A page whose offset would not fit
/// the database's 32-bit limit (page 2147483647) is a 400, not an overflow.
/// </summary>
public sealed record Paging(int? Page, int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Number => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    /// <summary>The rows before this page: <c>offset</c> in SQL, <c>Skip</c> in memory. <see cref="Check"/> keeps it within 32 bits.</summary>
    public int Offset => (Number - 1) * Size;

    /// <summary>Adds to <paramref name="errors"/> what is wrong with the page and pageSize asked for.</summary>
    public ValidationErrors Check(ValidationErrors errors) => errors
        .Require(Page is null or >= 1, "page", "page must be 1 or more.")
        .Require(Page is not > 1 || (Page.Value - 1L) * Size <= int.MaxValue, "page", "page is past the end of any list.")
        .Require(PageSize is null or (>= 1 and <= MaxPageSize), "pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
}
