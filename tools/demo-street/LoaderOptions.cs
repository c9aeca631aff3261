namespace Dispatch.DemoStreet;

/// <summary>The command line: <c>--gateway URL --admin-password X --password Y [--data DIR]</c>.</summary>
internal sealed record LoaderOptions(Uri Gateway, string AdminPassword, string Password, string DataDirectory)
{
    public const string Usage =
        "usage: dotnet Dispatch.DemoStreet.dll --gateway http://127.0.0.1:8080 --admin-password <admin's password> --password <demo accounts' password> [--data <dir>]";

    /// <summary>The options, or null with the reason in <paramref name="error"/>.</summary>
    public static LoaderOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"unexpected argument '{args[i]}'.";
                return null;
            }
            values[args[i][2..]] = args[++i];
        }

        error = "";
        if (!values.TryGetValue("gateway", out var gateway) || !Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUri))
            error = "--gateway must be an absolute URL.";
        else if (!values.TryGetValue("admin-password", out var admin) || admin.Length == 0)
            error = "--admin-password is required.";
        else if (!values.TryGetValue("password", out var password) || password.Length < 8)
            error = "--password is required and must be at least 8 characters (the gateway's rule).";
        else
            return new LoaderOptions(gatewayUri, admin, password, values.GetValueOrDefault("data") ?? DemoData.DefaultDirectory);
        return null;
    }
}
