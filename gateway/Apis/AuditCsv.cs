using System.Globalization;
using Dispatch.Gateway.Audit;
using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Gateway.Apis;

/// <summary>Audit entries as a CSV file (Chinese headers, UTF-8 with the BOM Excel looks for; formula-like cells neutralised by <see cref="CsvExport"/>).</summary>
internal static class AuditCsv
{
    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        using var csv = new CsvExport("时间", "服务", "操作", "账号", "账号编号", "角色", "客户端地址", "追踪编号", "对象类型", "对象", "说明");
        foreach (var entry in entries)
        {
            csv.Text(entry.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Text(entry.Service)
                .Text(entry.Action)
                .Text(entry.Username)
                .Text(entry.AccountId?.ToString())
                .Text(entry.Role)
                .Text(entry.ClientAddress)
                .Text(entry.TraceId)
                .Text(entry.SubjectType)
                .Text(string.Join(' ', entry.SubjectIds))
                .Text(entry.Detail)
                .EndRow();
        }
        return csv.ToUtf8WithByteOrderMark();
    }
}
