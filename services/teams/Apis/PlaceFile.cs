using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A district's place list (区划名单) as a CSV file: a header row naming the columns in Chinese (区/县, 街道/镇, 社区/村,
/// 党组织) or by the API's field names, then one community per row with its district, street and party branch.
/// </summary>
internal static class PlaceFile
{
    public const int MaxRows = 2000;
    private const int NameLength = 100;

    /// <summary>Column names a place list may use, by the field they fill.</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["district"] = ["区/县", "区县", "区", "县", "县/区", "县（市、区）"],
        ["street"] = ["街道/镇", "街道", "镇", "乡镇", "街道/乡镇", "乡镇/街道"],
        ["community"] = ["社区/村", "社区", "村", "村/社区", "社区（村）"],
        ["branchName"] = ["党组织", "党支部", "党组织名称", "社区党组织", "branch"],
    };

    private static readonly CsvLayout Layout = new(
        Columns,
        ["district", "street", "community", "branchName"],
        MaxRows,
        "The file is empty: it needs a header row (区/县, 街道/镇, 社区/村, 党组织) and one row per community.",
        $"A place list holds at most {MaxRows} rows; split the file.");

    public static CsvSheet? Read(string text, ValidationErrors fileErrors) => CsvSheet.Read(text, Layout, fileErrors);

    /// <summary>A row's four names, or the problems with them by field.</summary>
    public static (PlaceRow? Row, ValidationErrors Errors) Check(CsvRow row)
    {
        var errors = new ValidationErrors();
        foreach (var field in Layout.RequiredColumns)
            errors.RequireText(row.Cell(field), field, NameLength);
        return errors.Any
            ? (null, errors)
            : (new PlaceRow(row.Cell("district")!, row.Cell("street")!, row.Cell("community")!, row.Cell("branchName")!), errors);
    }
}

/// <summary>One community of a place list, with the district and street it is in.</summary>
internal sealed record PlaceRow(string District, string Street, string Community, string BranchName);
