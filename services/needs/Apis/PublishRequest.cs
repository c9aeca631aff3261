namespace Dispatch.Needs.Apis;

/// <summary>The optional body of publish: a team id makes it a directed order (派单 to one team).</summary>
internal sealed record PublishRequest(Guid? TargetTeamId);
