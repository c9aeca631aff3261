using Dispatch.ServiceDefaults.Http;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>
/// A CSV file with a header row whose cells name the columns, in Chinese as the street's spreadsheets
/// have them or by the API's field names, then one record per row.
/// </summary>
public sealed class CsvSheet
{
    private CsvSheet(IReadOnlyList<CsvRow> rows, IReadOnlyList<string> ignoredColumns)
    {
        Rows = rows;
        IgnoredColumns = ignoredColumns;
    }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Header cells no column matched: reported back, so a misspelt header does not go unnoticed.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>The sheet, or null with <paramref name="fileErrors"/> filled when the file as a whole is unusable.</summary>
    public static CsvSheet? Read(string text, CsvLayout layout, ValidationErrors fileErrors)
    {
        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            fileErrors.Add("file", layout.EmptyFileMessage);
            return null;
        }

        var (headerLine, header) = records[0];
        var fieldAt = new Dictionary<int, string>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            // Spreadsheets mark required columns with an asterisk: 标题*.
            var name = header[i].Trim().TrimEnd('*', '＊').Trim();
            if (name.Length == 0)
                continue;
            if (layout.FieldOf(name) is not { } field)
                ignored.Add(name);
            else if (fieldAt.ContainsValue(field))
                fileErrors.Add("file", $"Line {headerLine}: two columns fill {field} ({string.Join("/", layout.Columns[field])}).");
            else
                fieldAt[i] = field;
        }
        foreach (var missing in layout.RequiredColumns.Where(f => !fieldAt.ContainsValue(f)))
            fileErrors.Add("file", $"The header row has no {layout.Columns[missing][0]} ({missing}) column.");
        fileErrors.Require(records.Count - 1 <= layout.MaxRows, "file", layout.TooManyRowsMessage);
        if (fileErrors.Any)
            return null;

        var rows = records.Skip(1)
            .Select(r => new CsvRow(r.Line, fieldAt.ToDictionary(f => f.Value, f => f.Key < r.Cells.Length ? r.Cells[f.Key].Trim() : "")))
            .ToList();
        return new CsvSheet(rows, ignored);
    }
}
