namespace Dispatch.Needs.Requests;

/// <summary>What the community's printable poster shows: the public page's address, and where its QR code is drawn.</summary>
internal sealed record PosterView(Guid CommunityId, string? CommunityName, string? BranchName, string AskUrl, string QrCodePath);
