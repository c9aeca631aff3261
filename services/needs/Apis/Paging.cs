using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Apis;

/// <summary>
/// The list convention: page from 1 (default 1), pageSize 1–100 (default 20). A page whose offset would not fit the
/// database's 32-bit limit (page 2147483647) is a 400, not an overflow.
/// </summary>
internal static class Paging
{
    public static ValidationErrors Check(this ValidationErrors errors, int? page, int? pageSize) =>
        errors.Require(page is null or >= 1, "page", "page must be 1 or more.")
            .Require(page is not > 1 || (page.Value - 1L) * (pageSize ?? 20) <= int.MaxValue, "page", "page is past the end of any list.")
            .Require(pageSize is null or (>= 1 and <= 100), "pageSize", "pageSize must be between 1 and 100.");

    public static (int Page, int PageSize) Of(int? page, int? pageSize) => (page ?? 1, pageSize ?? 20);
}
