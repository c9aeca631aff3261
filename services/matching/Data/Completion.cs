using Dispatch.Contracts;

namespace Dispatch.Matching.Data;

/// <summary>What a team reports when it finishes the service: the totals, and who served (empty when it gave only totals).</summary>
internal sealed record Completion(decimal ServiceHours, int VolunteersCount, string Summary, IReadOnlyList<Attendance> Attendance);
