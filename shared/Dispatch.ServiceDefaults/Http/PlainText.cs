using System.Globalization;
using System.Text;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// What text from a client may hold. No control character has a place in what people type (tab and line breaks
/// aside), and PostgreSQL stores no NUL at all. Names and titles, which others read in lists, hold no line breaks and
/// no format characters either: a bidirectional override or a zero-width space would hide or reorder what they show.
/// Text is kept in Unicode's composed form (NFC), so that the same name typed on two keyboards is the same name.
/// </summary>
public static class PlainText
{
    /// <summary>The composed form of <paramref name="text"/> (NFC), or the text itself when it already is.</summary>
    public static string Composed(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Which character makes <paramref name="text"/> unfit as text (a control character other than tab and line breaks), or null.</summary>
    public static string? ControlCharacterIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r'))
                return Describe(text, i);
        return null;
    }

    /// <summary>Which character makes <paramref name="name"/> unfit as a name or title (a control, format or line-separating character), or null.</summary>
    public static string? InvisibleCharacterIn(string name)
    {
        for (var i = 0; i < name.Length; i++)
            if (char.GetUnicodeCategory(name, i) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return Describe(name, i);
        return null;
    }

    private static string Describe(string text, int index) =>
        $"U+{char.ConvertToUtf32(text, index):X4} at character {index + 1}";
}
