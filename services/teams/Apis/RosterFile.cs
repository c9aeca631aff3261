using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;
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

    private static readonly string[] RequiredColumns = ["name", "community", "categories"];

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

    /// <summary>
    /// The file's rows as registrations, plus the header cells no column matched. Null with
    /// <paramref name="fileErrors"/> filled when the file as a whole is unusable.
    /// </summary>
    public static RosterRows? Read(string text, ValidationErrors fileErrors)
    {
        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            fileErrors.Add("file", "The file is empty: it needs a header row (队伍名称, 类型, 社区, 服务类别, …) and one row per team.");
            return null;
        }

        var (headerLine, header) = records[0];
        var fieldAt = new Dictionary<int, string>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimEnd('*', '＊').Trim();
            if (name.Length == 0)
                continue;
            if (FieldOf(name) is not { } field)
                ignored.Add(name);
            else if (fieldAt.ContainsValue(field))
                fileErrors.Add("file", $"Line {headerLine}: two columns fill {field} ({string.Join("/", Columns[field])}).");
            else
                fieldAt[i] = field;
        }
        foreach (var missing in RequiredColumns.Where(f => !fieldAt.ContainsValue(f)))
            fileErrors.Add("file", $"The header row has no {Columns[missing][0]} ({missing}) column.");
        fileErrors.Require(records.Count - 1 <= MaxRows, "file", $"A roster holds at most {MaxRows} rows; split the file.");
        if (fileErrors.Any)
            return null;

        return new RosterRows(records.Skip(1).Select(r => ReadRow(r.Line, r.Cells, fieldAt)).ToList(), ignored);
    }

    private static string? FieldOf(string name) =>
        Columns.FirstOrDefault(c => c.Key.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Value.Contains(name, StringComparer.OrdinalIgnoreCase)).Key;

    private static RosterRow ReadRow(int line, string[] cells, Dictionary<int, string> fieldAt)
    {
        var values = fieldAt.ToDictionary(f => f.Value, f => f.Key < cells.Length ? cells[f.Key].Trim() : "");
        string? Cell(string field) => values.TryGetValue(field, out var v) && v.Length > 0 ? v : null;
        var errors = new ValidationErrors();

        var request = new RegisterTeamRequest(
            Cell("name"),
            Word(Cell("kind"), KindByWord) ?? TeamKinds.VolunteerTeam,
            null,
            List(Cell("categories"))?.Select(c => CategoryByName.GetValueOrDefault(c, c)).ToArray(),
            List(Cell("skills")),
            Number(Cell("capacity"), "capacity", errors),
            Number(Cell("membersCount"), "membersCount", errors),
            Cell("leaderName"),
            Cell("leaderPhone"),
            Word(Cell("serviceArea"), AreaByWord),
            List(Cell("availability"))?.Select(a => AvailabilityByWord.GetValueOrDefault(a, a)).ToArray(),
            Cell("mentor"));
        return new RosterRow(line, request, Cell("community"), errors);
    }

    private static string? Word(string? cell, Dictionary<string, string> words) =>
        cell is not null && words.TryGetValue(cell, out var key) ? key : cell;

    private static string[]? List(string? cell) =>
        cell is null ? null : Separators().Split(cell).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    private static int? Number(string? cell, string field, ValidationErrors errors)
    {
        if (cell is null)
            return null;
        if (int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        errors.Add(field, $"{field} \"{cell}\" is not a whole number.");
        return null;
    }

    [GeneratedRegex(@"[、;；,，|/]")]
    private static partial Regex Separators();
}
