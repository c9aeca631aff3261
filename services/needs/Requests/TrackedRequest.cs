namespace Dispatch.Needs.Requests;

/// <summary>A request with what its tracking page needs of the need it became: the need's state and the serving team's name.</summary>
internal sealed record TrackedRequest(ResidentRequest Request, string? NeedStatus, Guid? TeamId, string? TeamName, string CommunityName);
