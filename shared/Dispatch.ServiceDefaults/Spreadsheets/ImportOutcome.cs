namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>What an import did with a row.</summary>
public static class ImportOutcome
{
    /// <summary>A new item.</summary>
    public const string Created = "created";

    /// <summary>The item exists already (an earlier import, an earlier row, or the single-item endpoint); nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Not imported; <see cref="IImportRow.Errors"/> says why.</summary>
    public const string Invalid = "invalid";
}
