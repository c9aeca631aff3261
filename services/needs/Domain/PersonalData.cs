namespace Dispatch.Needs.Domain;

/// <summary>
/// The resident's contact name, phone and exact address, which never leave the needs service in an
/// event. Free text a branch writes into an event (a cancel reason, a rating comment) may name them by
/// accident, so it is masked before it goes out; the branch's own copy stays as written.
/// </summary>
internal static class PersonalData
{
    public const string Mask = "***";

    public static string? Redact(string? text, Need need)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        foreach (var personal in new[] { need.ContactPhone, need.Address, need.ContactName })
            if (!string.IsNullOrWhiteSpace(personal))
                text = text.Replace(personal, Mask, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>Whether <paramref name="text"/> (a title, which every team reads in the hall) names the resident.</summary>
    public static bool Names(string text, string? contactName, string? contactPhone, string? address) =>
        new[] { contactName, contactPhone, address }.Any(p => !string.IsNullOrWhiteSpace(p) && text.Contains(p.Trim(), StringComparison.OrdinalIgnoreCase));
}
