using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A street's team roster (队伍花名册) as a CSV file: a header row naming the columns in Chinese (队伍名称,
/// 类型, 社区, …) or by the API's field names, then one team per row. Each row becomes the same
/// <see cref="RegisterTeamRequest"/> POST /api/teams takes, so it is checked by the same rules.
/// </summary>
internal static partial class RosterFile
{
    public const int MaxRows = 500;

    /// <summary>Column names a street's spreadsheet may use, by the API field they fill.</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["name"] = ["队伍名称", "名称", "队伍"],
        ["kind"] = ["类型", "队伍类型"],
        ["community"] = ["社区", "所属社区", "communityId"],
        ["categories"] = ["服务类别", "类别"],
        ["skills"] = ["技能", "专业技能"],
        ["serviceArea"] = ["服务范围"],
        ["capacity"] = ["承接能力", "同时承接"],
        ["membersCount"] = ["成员数", "人数", "队员人数"],
        ["leaderName"] = ["负责人", "队长"],
        ["leaderPhone"] = ["联系电话", "电话", "负责人电话"],
        ["availability"] = ["服务时间", "可服务时间"],
        ["mentor"] = ["导师", "联系社工"],
    };

    private static readonly Dictionary<string, string> CategoryByName =
        ServiceCategories.Names.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> KindByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["志愿服务队伍"] = TeamKinds.VolunteerTeam, ["志愿服务队"] = TeamKinds.VolunteerTeam, ["志愿队"] = TeamKinds.VolunteerTeam,
        ["志愿者队伍"] = TeamKinds.VolunteerTeam, ["社区社会组织"] = TeamKinds.SocialOrg, ["社会组织"] = TeamKinds.SocialOrg,
    };

    private static readonly Dictionary<string, string> AreaByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["本社区"] = ServiceAreas.Community, ["社区"] = ServiceAreas.Community,
        ["全街道"] = ServiceAreas.Street, ["街道"] = ServiceAreas.Street, ["本街道"] = ServiceAreas.Street,
        ["全区"] = ServiceAreas.District, ["区"] = ServiceAreas.District, ["全区县"] = ServiceAreas.District,
    };

    private static readonly Dictionary<string, string> AvailabilityByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工作日"] = Availability.Weekdays, ["周末"] = Availability.Weekends, ["节假日"] = Availability.Weekends,
        ["晚上"] = Availability.Evenings, ["晚间"] = Availability.Evenings, ["夜间"] = Availability.Evenings,
    };

    private static readonly CsvLayout Layout = new(
        Columns,
        ["name", "community", "categories"],
        MaxRows,
        "The file is empty: it needs a header row (队伍名称, 类型, 社区, 服务类别, …) and one row per team.",
        $"A roster holds at most {MaxRows} rows; split the file.");

    /// <summary>
    /// The file's rows as registrations, plus the header cells no column matched. Null with
    /// <paramref name="fileErrors"/> filled when the file as a whole is unusable.
    /// </summary>
    public static RosterRows? Read(string text, ValidationErrors fileErrors) =>
        CsvSheet.Read(text, Layout, fileErrors) is { } sheet
            ? new RosterRows(sheet.Rows.Select(ReadRow).ToList(), sheet.IgnoredColumns)
            : null;

    private static RosterRow ReadRow(CsvRow row)
    {
        var request = new RegisterTeamRequest(
            row.Cell("name"),
            Word(row.Cell("kind"), KindByWord) ?? TeamKinds.VolunteerTeam,
            null,
            List(row.Cell("categories"))?.Select(c => CategoryByName.GetValueOrDefault(c, c)).ToArray(),
            List(row.Cell("skills")),
            row.Number("capacity"),
            row.Number("membersCount"),
            row.Cell("leaderName"),
            row.Cell("leaderPhone"),
            Word(row.Cell("serviceArea"), AreaByWord),
            List(row.Cell("availability"))?.Select(a => AvailabilityByWord.GetValueOrDefault(a, a)).ToArray(),
            row.Cell("mentor"));
        return new RosterRow(row.Line, request, row.Cell("community"), row.Errors);
    }

    private static string? Word(string? cell, Dictionary<string, string> words) =>
        cell is not null && words.TryGetValue(cell, out var key) ? key : cell;

    private static string[]? List(string? cell) =>
        cell is null ? null : Separators().Split(cell).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    [GeneratedRegex(@"[、;；,，|/]")]
    private static partial Regex Separators();
}
