namespace Dispatch.Needs.Requests;

/// <summary>
/// Configuration section <c>Requests</c>: the limits on requests filed without an account, and where the public page
/// is published (<c>Requests__PublicBaseUrl</c>, which the poster's QR code opens).
/// </summary>
internal sealed class RequestsOptions
{
    public const string SectionName = "Requests";

    /// <summary>Requests one phone number may have open (not yet declined or served) at once.</summary>
    public int OpenPerPhone { get; set; } = 3;

    /// <summary>Requests one address may have open at once: a household, or a care home's front desk.</summary>
    public int OpenPerAddress { get; set; } = 5;

    /// <summary>How far apart two requests of one phone and category may be and still be flagged as possible duplicates.</summary>
    public int DuplicateWindowDays { get; set; } = 14;

    /// <summary>The public address of the gateway: the poster's QR code opens <c>{PublicBaseUrl}/ask/{communityId}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";

    public string AskUrl(Guid communityId) => $"{PublicBaseUrl.TrimEnd('/')}/ask/{communityId}";
}
