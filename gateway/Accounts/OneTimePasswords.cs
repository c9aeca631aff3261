using System.Security.Cryptography;

namespace Dispatch.Gateway.Accounts;

/// <summary>
/// The passwords an account gets when someone else creates or resets it: random, shown once to that person, to be
/// replaced at the first sign-in. Three groups of four from letters and digits nobody confuses on paper (no 0/o, 1/l/i),
/// with at least one letter and one digit: about 62 bits.
/// </summary>
internal static class OneTimePasswords
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New()
    {
        while (true)
        {
            var text = RandomNumberGenerator.GetString(Alphabet, 12);
            if (text.Any(char.IsLetter) && text.Any(char.IsAsciiDigit))
                return $"{text[..4]}-{text[4..8]}-{text[8..]}";
        }
    }
}
