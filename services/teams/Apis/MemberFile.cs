using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A team's member list (队员花名册) as a CSV file: a header row naming the columns in Chinese (姓名, 电话, 技能,
/// 加入日期, 离队日期) or by the API's field names, then one member per row, each read into the
/// <see cref="MemberRequest"/> POST /api/teams/{teamId}/members takes.
/// </summary>
internal static partial class MemberFile
{
    public const int MaxRows = 1000;

    /// <summary>Day formats spreadsheets write: ISO, slashes or dots, and the Chinese 2025年3月1日.</summary>
    private static readonly string[] DayFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private static readonly CsvLayout Layout = new(
        new Dictionary<string, string[]>
        {
            ["name"] = ["姓名", "队员姓名", "名字"],
            ["phone"] = ["电话", "手机", "手机号", "联系电话"],
            ["skills"] = ["技能", "特长", "专业技能"],
            ["joinedOn"] = ["加入日期", "入队日期", "注册日期", "加入时间"],
            ["leftOn"] = ["离队日期", "退出日期", "离队时间"],
        },
        ["name", "joinedOn"],
        MaxRows,
        "The file is empty: it needs a header row (姓名, 电话, 技能, 加入日期, 离队日期) and one row per member.",
        $"A member list holds at most {MaxRows} rows; split the file.");

    /// <summary>The file's rows, plus the header cells no column matched; null with <paramref name="fileErrors"/> filled when the file is unusable.</summary>
    public static (IReadOnlyList<MemberFileRow> Rows, IReadOnlyList<string> IgnoredColumns)? Read(string text, ValidationErrors fileErrors) =>
        CsvSheet.Read(text, Layout, fileErrors) is { } sheet ? (sheet.Rows.Select(ReadRow).ToList(), sheet.IgnoredColumns) : null;

    private static MemberFileRow ReadRow(CsvRow row)
    {
        var request = new MemberRequest(row.Cell("name"), row.Cell("phone"),
            row.Cell("skills") is { } skills ? Separators().Split(skills).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray() : null,
            Day(row, "joinedOn"), Day(row, "leftOn"));
        return new MemberFileRow(row.Line, request, row.Errors);
    }

    private static DateOnly? Day(CsvRow row, string field)
    {
        if (row.Cell(field) is not { } cell)
            return null;
        if (DateOnly.TryParseExact(cell, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        row.Errors.Add(field, $"{field} \"{cell}\" is not a date: write it as 2025-03-01 (or 2025/3/1, 2025年3月1日).");
        return null;
    }

    [GeneratedRegex(@"[、;；,，|/]")]
    private static partial Regex Separators();
}
