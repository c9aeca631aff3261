namespace Dispatch.Needs.Requests;

/// <summary>A request as checked by <see cref="RequestForm.Validate"/>: trimmed, the time in UTC, with the keys the limits count by.</summary>
internal sealed record RequestContent(
    string Category,
    string Description,
    DateTimeOffset WantedAt,
    string ContactName,
    string ContactPhone,
    string Address,
    string PhoneKey,
    string AddressKey);
