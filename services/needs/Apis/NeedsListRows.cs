namespace Dispatch.Needs.Apis;

/// <summary>The rows of a needs list and the header cells that named no known column (reported, not fatal).</summary>
internal sealed record NeedsListRows(IReadOnlyList<NeedsListRow> Rows, IReadOnlyList<string> IgnoredColumns);
