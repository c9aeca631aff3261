namespace Dispatch.Needs.Requests;

/// <summary>
/// Whether two residents' descriptions say nearly the same thing: the Dice coefficient of their character pairs, which
/// suits Chinese (no spaces between words) and survives a word added or a character changed.
/// </summary>
internal static class TextSimilarity
{
    public const double SimilarAbove = 0.7;

    public static bool AreSimilar(string? a, string? b) => Dice(a, b) >= SimilarAbove;

    public static double Dice(string? a, string? b)
    {
        var (left, right) = (Pairs(a), Pairs(b));
        var (leftCount, rightCount) = (left.Values.Sum(), right.Values.Sum());
        if (leftCount == 0 || rightCount == 0)
            return 0;
        var shared = left.Sum(pair => Math.Min(pair.Value, right.GetValueOrDefault(pair.Key)));
        return 2.0 * shared / (leftCount + rightCount);
    }

    private static Dictionary<(char, char), int> Pairs(string? text)
    {
        var letters = (text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var pairs = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < letters.Length; i++)
            pairs[(letters[i], letters[i + 1])] = pairs.GetValueOrDefault((letters[i], letters[i + 1])) + 1;
        return pairs;
    }
}
