using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Needs.Apis;

/// <summary>
/// A branch's needs list (需求清单) as a CSV file: a header row naming the columns in Chinese (标题, 类别,
/// 人数, …) or by the API's field names, then one need per row. Each row becomes the same
/// <see cref="NeedRequest"/> POST /api/needs takes, so it is checked by the same rules.
/// </summary>
internal static partial class NeedsListFile
{
    public const int MaxRows = 500;

    /// <summary>Column names a branch's spreadsheet may use, by the API field they fill.</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["title"] = ["标题", "需求标题", "需求名称"],
        ["description"] = ["描述", "需求描述", "详细描述"],
        ["category"] = ["类别", "服务类别", "需求类别"],
        ["volunteersNeeded"] = ["人数", "需要人数", "志愿者人数"],
        ["skills"] = ["技能", "所需技能"],
        ["startsAt"] = ["开始时间"],
        ["endsAt"] = ["结束时间"],
        ["claimDeadline"] = ["截止时间", "接单截止时间"],
        ["urgency"] = ["紧急程度"],
        ["beneficiaries"] = ["受益人数"],
        ["address"] = ["地址", "详细地址"],
        ["contactName"] = ["联系人"],
        ["contactPhone"] = ["联系电话", "电话"],
        ["targetTeamId"] = ["指定队伍"],
    };

    // Branches write times as the clock on their wall shows them: China Standard Time, unless the cell says otherwise.
    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);

    private static readonly string[] LocalTimeFormats =
        ["yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss"];

    private static readonly Dictionary<string, string> CategoryByName =
        ServiceCategories.Names.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> UrgencyByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["normal"] = NeedContent.Normal, ["一般"] = NeedContent.Normal, ["普通"] = NeedContent.Normal,
        ["urgent"] = NeedContent.Urgent, ["紧急"] = NeedContent.Urgent, ["加急"] = NeedContent.Urgent,
    };

    private static readonly CsvLayout Layout = new(
        Columns,
        ["title", "category", "volunteersNeeded", "startsAt", "endsAt"],
        MaxRows,
        "The file is empty: it needs a header row (标题, 类别, 人数, 开始时间, 结束时间, …) and one row per need.",
        $"A needs list holds at most {MaxRows} rows; split the file.");

    /// <summary>
    /// The file's rows as requests, each with the problems found while reading its cells, plus the header
    /// cells no column matched. Null with <paramref name="fileErrors"/> filled when the file as a whole is unusable.
    /// </summary>
    public static NeedsListRows? Read(string text, ValidationErrors fileErrors) =>
        CsvSheet.Read(text, Layout, fileErrors) is { } sheet
            ? new NeedsListRows(sheet.Rows.Select(ReadRow).ToList(), sheet.IgnoredColumns)
            : null;

    private static NeedsListRow ReadRow(CsvRow row)
    {
        var category = row.Cell("category");
        var urgency = row.Cell("urgency");
        var request = new NeedRequest(
            row.Cell("title"),
            row.Cell("description"),
            category is not null && CategoryByName.TryGetValue(category, out var key) ? key : category,
            row.Number("volunteersNeeded"),
            row.Cell("skills") is { } skills ? SkillSeparators().Split(skills).Where(s => s.Trim().Length > 0).ToArray() : null,
            Time(row.Cell("startsAt"), "startsAt", row.Errors),
            Time(row.Cell("endsAt"), "endsAt", row.Errors),
            Time(row.Cell("claimDeadline"), "claimDeadline", row.Errors),
            urgency is not null && UrgencyByWord.TryGetValue(urgency, out var word) ? word : urgency,
            row.Number("beneficiaries"),
            row.Cell("address"),
            row.Cell("contactName"),
            row.Cell("contactPhone"),
            TeamId(row.Cell("targetTeamId"), row.Errors));
        return new NeedsListRow(row.Line, request, row.Errors);
    }

    private static DateTimeOffset? Time(string? cell, string field, ValidationErrors errors)
    {
        if (cell is null)
            return null;
        if (ExplicitOffset().IsMatch(cell) && DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            return exact;
        if (DateTime.TryParseExact(cell, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalOffset);
        errors.Add(field, $"{field} \"{cell}\" is not a time: write 2026-12-01 09:00 (Beijing time) or ISO 8601 with an offset.");
        return null;
    }

    private static Guid? TeamId(string? cell, ValidationErrors errors)
    {
        if (cell is null)
            return null;
        if (Guid.TryParse(cell, out var id))
            return id;
        errors.Add("targetTeamId", $"targetTeamId \"{cell}\" is not a team id.");
        return null;
    }

    [GeneratedRegex(@"[、;；,，|]")]
    private static partial Regex SkillSeparators();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
