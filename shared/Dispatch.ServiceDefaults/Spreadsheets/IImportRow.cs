namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>One row of an <see cref="ImportReport{TRow}"/>; each import adds the fields that name what the row became.</summary>
public interface IImportRow
{
    /// <summary>The line of the file the row starts on.</summary>
    int Line { get; }

    /// <summary>One of <see cref="ImportOutcome"/>.</summary>
    string Outcome { get; }

    /// <summary>For an invalid row, what is wrong, by field, as the single-item endpoint would say.</summary>
    IDictionary<string, string[]>? Errors { get; }
}
