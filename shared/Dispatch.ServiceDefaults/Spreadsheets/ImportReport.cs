namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>What an import of a spreadsheet did with each row, and the totals (an import that adds more than rows
/// extends it with its own totals).</summary>
public class ImportReport<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<string> ignoredColumns)
    where TRow : IImportRow
{
    public int Created { get; } = rows.Count(r => r.Outcome == ImportOutcome.Created);

    public int Duplicates { get; } = rows.Count(r => r.Outcome == ImportOutcome.Duplicate);

    public int Invalid { get; } = rows.Count(r => r.Outcome == ImportOutcome.Invalid);

    /// <summary>Columns of the file that no field reads.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; } = ignoredColumns;

    public IReadOnlyList<TRow> Rows { get; } = rows;
}
