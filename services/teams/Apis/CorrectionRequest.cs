namespace Dispatch.Teams.Apis;

/// <summary>Body of POST …/members/{memberId}/records: the record to correct, the hours it should have said (0: did not serve), and why.</summary>
internal sealed record CorrectionRequest(Guid? CorrectsId, decimal? Hours, string? Reason);
