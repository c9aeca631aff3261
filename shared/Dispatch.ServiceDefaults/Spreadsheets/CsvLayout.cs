namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>What one kind of file looks like: its columns by the API field they fill, which are required, and its limits.</summary>
/// <param name="Columns">For each API field, the header names a spreadsheet may give it (the first is the one reported).</param>
public sealed record CsvLayout(
    IReadOnlyDictionary<string, string[]> Columns,
    IReadOnlyList<string> RequiredColumns,
    int MaxRows,
    string EmptyFileMessage,
    string TooManyRowsMessage)
{
    /// <summary>The field a header cell names, by the field's own name or one of its spreadsheet names, any case.</summary>
    public string? FieldOf(string headerCell) =>
        Columns.FirstOrDefault(c => c.Key.Equals(headerCell, StringComparison.OrdinalIgnoreCase)
            || c.Value.Contains(headerCell, StringComparer.OrdinalIgnoreCase)).Key;
}
