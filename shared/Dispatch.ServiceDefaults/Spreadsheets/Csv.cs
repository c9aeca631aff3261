using CsvHelper;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>
/// Reads CSV as spreadsheets write it (RFC 4180, CsvHelper): commas, double quotes around cells that hold commas,
/// quotes or line breaks, "" for a quote inside them, CRLF or LF lines, and the UTF-8 BOM Excel puts first.
/// </summary>
public static class Csv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false, // CsvSheet matches the header's Chinese or English names itself
        TrackLineNumbers = true,
        ShouldSkipRecord = OnlyEmptyCells,
    };

    /// <summary>The records with the 1-based line each starts on; records of only empty cells are dropped.</summary>
    public static IReadOnlyList<(int Line, string[] Cells)> Parse(string text)
    {
        using var reader = CsvReader.Create(new StringReader(text), Options);
        var records = new List<(int, string[])>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = reader.GetString(i).ReplaceLineEndings("\n"); // however the file ends its lines
            records.Add(((int)reader.LineNumber, cells));
        }
        return records;
    }

    private static bool OnlyEmptyCells(CsvHelper.CsvRow row)
    {
        for (var i = 0; i < row.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(row.GetString(i)))
                return false;
        }
        return true;
    }
}
