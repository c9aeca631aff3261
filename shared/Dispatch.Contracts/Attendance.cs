namespace Dispatch.Contracts;

/// <summary>One volunteer (a member of the team registry's member list) and the hours they served on the order.</summary>
public sealed record Attendance(Guid MemberId, decimal Hours);
