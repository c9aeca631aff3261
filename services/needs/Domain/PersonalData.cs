using System.Text;
using System.Text.RegularExpressions;

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
        if (Phone(need.ContactPhone) is { } phone)
            text = phone.Replace(text, Mask);
        foreach (var personal in new[] { need.Address, need.ContactName })
            if (!string.IsNullOrWhiteSpace(personal))
                text = text.Replace(personal, Mask, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>Whether <paramref name="text"/> (a title, which every team reads in the hall) names the resident.</summary>
    public static bool Names(string text, string? contactName, string? contactPhone, string? address) =>
        new[] { contactName, address }.Any(p => !string.IsNullOrWhiteSpace(p) && text.Contains(p.Trim(), StringComparison.OrdinalIgnoreCase))
        || Phone(contactPhone)?.IsMatch(text) == true;

    /// <summary>
    /// The phone number as people write it: its digits (ASCII or full-width) in order, with any spaces or dashes between
    /// them, so that "138 0013-8000" is found as 13800138000; null for fewer than five digits, which would match too much.
    /// </summary>
    private static Regex? Phone(string? phone)
    {
        var digits = phone?.Where(char.IsAsciiDigit).ToArray() ?? [];
        if (digits.Length < 5)
            return null;
        var pattern = new StringBuilder();
        foreach (var digit in digits)
        {
            if (pattern.Length > 0)
                pattern.Append(@"[\s\-\u2010-\u2015\uFF0D]*");
            pattern.Append('[').Append(digit).Append((char)('\uFF10' + (digit - '0'))).Append(']');
        }
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
