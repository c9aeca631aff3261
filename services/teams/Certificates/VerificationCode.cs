using System.Security.Cryptography;

namespace Dispatch.Teams.Certificates;

/// <summary>
/// Certificate codes: 12 random characters (60 bits) of Crockford's base 32 in groups of four, "7KQ2-M9XD-4HTR":
/// short enough to type from paper, without I, L, O or U to misread, and far too many to guess.
/// </summary>
internal static class VerificationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    public static string New()
    {
        Span<char> code = stackalloc char[Length + 2];
        var at = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i is 4 or 8)
                code[at++] = '-';
            code[at++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }

    /// <summary>The code as stored, from what a person typed (any case, with or without dashes); null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 20)
            return null;
        var characters = typed.Where(c => c != '-' && c != ' ').Select(char.ToUpperInvariant).ToArray();
        if (characters.Length != Length || characters.Any(c => !Alphabet.Contains(c)))
            return null;
        return $"{new string(characters, 0, 4)}-{new string(characters, 4, 4)}-{new string(characters, 8, 4)}";
    }
}
