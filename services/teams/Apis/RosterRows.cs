namespace Dispatch.Teams.Apis;

/// <summary>The rows of a roster file and the header cells no column matched.</summary>
internal sealed record RosterRows(IReadOnlyList<RosterRow> Rows, IReadOnlyList<string> IgnoredColumns);
