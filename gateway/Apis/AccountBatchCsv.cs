using CsvHelper;
using Dispatch.ServiceDefaults.Auth;

namespace Dispatch.Gateway.Apis;

/// <summary>
/// A batch's answer as a CSV file to print and hand out (Chinese headers, UTF-8 with the BOM Excel looks for). A cell a
/// spreadsheet could run as a formula gets a leading apostrophe: CsvHelper's escape for = + - @ tab and CR, ours for
/// their full-width forms (＝＋－＠), which Excel runs too and CsvHelper (ASCII only) does not look for.
/// </summary>
internal static class AccountBatchCsv
{
    private static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>
    {
        [Roles.Admin] = "管理员", [Roles.Coordinator] = "街道协调员", [Roles.Branch] = "社区党支部", [Roles.Team] = "志愿服务队伍",
    };

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static byte[] Write(AccountBatchResponse batch)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord(["序号", "用户名", "一次性密码", "角色", "所属", "结果", "说明"]);
            foreach (var row in batch.Rows)
            {
                csv.WriteRecord([
                    (row.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Text(row.Username),
                    Text(row.OneTimePassword),
                    row.Role is { } role ? Text(RoleNames.GetValueOrDefault(role, role)) : "",
                    Text(row.BoundTo),
                    row.Outcome == AccountBatchRowResult.CreatedOutcome ? "已创建" : "未创建",
                    row.Errors is { } errors ? Text(string.Join(" ", errors.SelectMany(e => e.Value))) : "",
                ]);
            }
        }
        return stream.ToArray();
    }

    private static string Text(string? cell) => cell is { Length: > 0 } && "＝＋－＠".Contains(cell[0]) ? "'" + cell : cell ?? "";
}
