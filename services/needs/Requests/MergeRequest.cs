namespace Dispatch.Needs.Requests;

/// <summary>Merging a request into a need the branch already has.</summary>
internal sealed record MergeRequest(Guid? NeedId);
