using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Gateway.Apis;

/// <summary>
/// A batch's answer as a CSV file to print and hand out (Chinese headers, UTF-8 with the BOM Excel looks for; formula-like
/// cells neutralised by <see cref="CsvExport"/>).
/// </summary>
internal static class AccountBatchCsv
{
    private static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>
    {
        [Roles.Admin] = "管理员", [Roles.Coordinator] = "街道协调员", [Roles.Branch] = "社区党支部", [Roles.Team] = "志愿服务队伍",
    };

    public static byte[] Write(AccountBatchResponse batch)
    {
        using var csv = new CsvExport("序号", "用户名", "一次性密码", "角色", "所属", "结果", "说明");
        foreach (var row in batch.Rows)
        {
            csv.Number(row.Index + 1)
                .Text(row.Username)
                .Text(row.OneTimePassword)
                .Text(row.Role is { } role ? RoleNames.GetValueOrDefault(role, role) : null)
                .Text(row.BoundTo)
                .Text(row.Outcome == AccountBatchRowResult.CreatedOutcome ? "已创建" : "未创建")
                .Text(row.Errors is { } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : null)
                .EndRow();
        }
        return csv.ToUtf8WithByteOrderMark();
    }
}
