using System.Globalization;
using System.Text;

namespace Dispatch.Needs.Requests;

/// <summary>
/// How two spellings of one phone number or one address are recognised as the same, for the limits per phone and per
/// address and the duplicate check: "139-0000 1111" is 13900001111, and "汇泉小区 3号楼" is "汇泉小区3号楼".
/// </summary>
internal static class ResidentKeys
{
    /// <summary>The digits of a phone number (a leading +86 dropped), or null when it is not one.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 30)
            return null;
        var digits = new StringBuilder();
        foreach (var c in phone.Trim())
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c is not (' ' or '-' or '+' or '(' or ')'))
                return null;
        }
        var key = digits.ToString();
        if (phone.TrimStart().StartsWith('+') && key.StartsWith("86", StringComparison.Ordinal))
            key = key[2..];
        return key.Length is >= 7 and <= 15 ? key : null;
    }

    /// <summary>The address folded to compare: full-width letters and digits made ASCII, no spaces or punctuation, lower case.</summary>
    public static string? Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var folded = new StringBuilder();
        foreach (var c in address.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(c))
                folded.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        return folded.Length == 0 ? null : folded.ToString();
    }
}
