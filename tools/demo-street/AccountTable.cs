using System.Globalization;

namespace Dispatch.DemoStreet;

/// <summary>Prints the demo accounts so a newcomer can sign in as any of them.</summary>
internal static class AccountTable
{
    public static void Write(TextWriter output, IReadOnlyList<DemoAccount> accounts)
    {
        var width = accounts.Count == 0 ? 8 : Math.Max(8, accounts.Max(a => a.Username.Length));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"username".PadRight(width)}  {"role",-11}  {"password",-12}  place / team"));
        foreach (var a in accounts)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Username.PadRight(width)}  {a.Role,-11}  {a.Password,-12}  {a.BoundTo}"));
    }
}
