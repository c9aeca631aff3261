using System.Collections.Frozen;

namespace Dispatch.Gateway.Accounts;

/// <summary>
/// What a password someone chooses must be: at least <see cref="MinLength"/> characters with letters and digits, not
/// the username, not one of the commonest passwords (<c>common-passwords.txt</c>, compared ignoring case). Each refusal
/// has a code the UI says in Chinese and a sentence the API says.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Dispatch.Gateway.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the gateway.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                words.Add(line);
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The rules <paramref name="password"/> breaks, none when it may be used.</summary>
    public static IReadOnlyList<PasswordRule> Check(string password, string username, string? currentPassword = null)
    {
        var broken = new List<PasswordRule>();
        if (password.Length < MinLength)
            broken.Add(PasswordRule.TooShort);
        if (password.Length > MaxLength)
            broken.Add(PasswordRule.TooLong);
        if (!password.Any(char.IsLetter) || !password.Any(char.IsAsciiDigit))
            broken.Add(PasswordRule.LettersAndDigits);
        if (password.Equals(username, StringComparison.OrdinalIgnoreCase))
            broken.Add(PasswordRule.SameAsUsername);
        if (Common.Value.Contains(password))
            broken.Add(PasswordRule.TooCommon);
        if (currentPassword is not null && password == currentPassword)
            broken.Add(PasswordRule.SameAsCurrent);
        return broken;
    }
}

/// <summary>One rule of <see cref="PasswordPolicy"/>: its code (in the problem's <c>passwordRules</c>) and what it says.</summary>
internal sealed record PasswordRule(string Code, string Message)
{
    public static readonly PasswordRule TooShort = new("too_short", $"The password must be at least {PasswordPolicy.MinLength} characters long.");
    public static readonly PasswordRule TooLong = new("too_long", $"The password must be at most {PasswordPolicy.MaxLength} characters long.");
    public static readonly PasswordRule LettersAndDigits = new("letters_and_digits", "The password must contain both letters and digits.");
    public static readonly PasswordRule SameAsUsername = new("same_as_username", "The password must not be the username.");
    public static readonly PasswordRule TooCommon = new("too_common", "The password is one of the commonest passwords; choose another.");
    public static readonly PasswordRule SameAsCurrent = new("same_as_current", "The new password must differ from the current one.");
}
