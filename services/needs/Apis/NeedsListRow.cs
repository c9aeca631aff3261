using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Apis;

/// <summary>One row of a needs list: the file line it came from, the request it makes, and what was wrong reading its cells.</summary>
internal sealed record NeedsListRow(int Line, NeedRequest Request, ValidationErrors CellErrors);
