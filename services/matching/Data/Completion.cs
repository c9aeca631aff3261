namespace Dispatch.Matching.Data;

/// <summary>What a team reports when it finishes the service.</summary>
internal sealed record Completion(decimal ServiceHours, int VolunteersCount, string Summary);
