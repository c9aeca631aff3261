namespace Dispatch.Needs.Apis;

/// <summary>The optional body of publish-all: only these drafts (e.g. the ones an import just made); none means every draft.</summary>
internal sealed record PublishAllRequest(Guid[]? Ids);
