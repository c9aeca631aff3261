using System.Text;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>
/// Reads CSV as spreadsheets write it (RFC 4180): commas, double quotes around cells that hold commas,
/// quotes or line breaks, "" for a quote inside them, CRLF or LF lines, and the UTF-8 BOM Excel puts first.
/// </summary>
public static class Csv
{
    /// <summary>The records with the 1-based line each starts on; records of only empty cells are dropped.</summary>
    public static IReadOnlyList<(int Line, string[] Cells)> Parse(string text)
    {
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (quoted)
            {
                if (c == '"' && position + 1 < text.Length && text[position + 1] == '"')
                {
                    cell.Append('"');
                    position++;
                }
                else if (c == '"')
                    quoted = false;
                else if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                    continue; // a line break inside a cell is kept as \n, however the file ends its lines
                else
                {
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Any(c => c.Trim().Length > 0))
                records.Add((recordLine, cells.ToArray()));
            cells.Clear();
        }
    }
}
