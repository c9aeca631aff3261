using System.Globalization;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>One data row of a <see cref="CsvSheet"/>: its cells by API field, and the problems found reading them.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, string> cellsByField)
{
    /// <summary>The 1-based line of the file the row starts on, as a spreadsheet user counts.</summary>
    public int Line { get; } = line;

    /// <summary>Cells that could not be read as their field's type; the row's own validation adds to them.</summary>
    public ValidationErrors Errors { get; } = new();

    /// <summary>
    /// The trimmed cell of <paramref name="field"/> (composed, NFC), or null when the column is absent or the cell empty;
    /// a cell with a control character is a row error (as it is in a request body) and reads as null.
    /// </summary>
    public string? Cell(string field)
    {
        if (!cellsByField.TryGetValue(field, out var value) || value.Length == 0)
            return null;
        if (PlainText.ControlCharacterIn(value) is { } found)
        {
            Errors.Add(field, $"{field} must not hold control characters ({found}).");
            return null;
        }
        return PlainText.Composed(value);
    }

    /// <summary>The cell as a whole number; a cell that is not one is a row error.</summary>
    public int? Number(string field)
    {
        if (Cell(field) is not { } cell)
            return null;
        if (int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        Errors.Add(field, $"{field} \"{cell}\" is not a whole number.");
        return null;
    }
}
