namespace Dispatch.Needs.Requests;

/// <summary>A row of <c>resident_requests</c>: what a resident asked for, and what the branch did with it.</summary>
internal sealed class ResidentRequest
{
    public Guid Id { get; init; }
    public Guid CommunityId { get; init; }
    public Guid StreetId { get; init; }
    public Guid DistrictId { get; init; }
    public string TrackingCode { get; init; } = "";
    public string LookupCode { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Description { get; init; }
    public DateTimeOffset WantedAt { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? Address { get; init; }
    public string? PhoneKey { get; init; }
    public string Channel { get; init; } = RequestChannel.Online;
    public string? FiledBy { get; init; }
    public DateTimeOffset ConsentedAt { get; init; }
    public string Status { get; init; } = RequestStatus.Received;
    public Guid? NeedId { get; init; }
    public string? DeclineReason { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public int? ResidentScore { get; init; }
    public string? ResidentComment { get; init; }
    public DateTimeOffset? RatedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
}
