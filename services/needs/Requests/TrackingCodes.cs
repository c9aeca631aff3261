using System.Security.Cryptography;

namespace Dispatch.Needs.Requests;

/// <summary>
/// The codes a resident gets at filing: the tracking link's code, 128 random bits that nobody guesses (so that one
/// request's code tells nothing of another's), and a six-digit code that finds the request again with the phone number.
/// </summary>
internal static class TrackingCodes
{
    // Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 26;

    public static string NewTrackingCode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        return string.Create(Length, bytes.ToArray(), (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
                chars[i] = Alphabet[random[i] & 31];
        });
    }

    public static string NewLookupCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="code"/> has the shape of a tracking code, so that anything else is refused before the database.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
