namespace Dispatch.DemoStreet;

/// <summary>
/// The command line: <c>--gateway URL [--password Y] [--data DIR]</c>. The admin's password comes from the environment
/// (<c>DISPATCH_ADMIN_PASSWORD</c>) or from a file (<c>--admin-password-file PATH</c>), never from the command line,
/// which every user of the machine can read (<c>ps</c>, <c>/proc/*/cmdline</c>); the demo accounts' password may come
/// from <c>DISPATCH_DEMO_PASSWORD</c> too.
/// </summary>
internal sealed record LoaderOptions(Uri Gateway, string AdminPassword, string Password, string DataDirectory)
{
    public const string AdminPasswordVariable = "DISPATCH_ADMIN_PASSWORD";
    public const string DemoPasswordVariable = "DISPATCH_DEMO_PASSWORD";

    public const string Usage =
        $"usage: {AdminPasswordVariable}=<admin's password> dotnet Dispatch.DemoStreet.dll --gateway http://127.0.0.1:8080 " +
        "[--admin-password-file <file>] --password <demo accounts' password> [--data <dir>]";

    /// <summary>The options, or null with the reason in <paramref name="error"/>.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public static LoaderOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment, out string error)
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
        var admin = values.TryGetValue("admin-password-file", out var file)
            ? File.Exists(file) ? File.ReadAllText(file).Trim() : null
            : environment(AdminPasswordVariable);
        var password = values.GetValueOrDefault("password") ?? environment(DemoPasswordVariable);
        if (!values.TryGetValue("gateway", out var gateway) || !Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUri))
            error = "--gateway must be an absolute URL.";
        else if (values.ContainsKey("admin-password"))
            error = $"the admin's password does not go on the command line, where anyone on this machine can read it: set {AdminPasswordVariable} or pass --admin-password-file.";
        else if (string.IsNullOrEmpty(admin))
            error = file is null ? $"{AdminPasswordVariable} (or --admin-password-file) is required." : $"--admin-password-file {file} is missing or empty.";
        else if (password is not { Length: >= 8 })
            error = $"--password (or {DemoPasswordVariable}) is required and must be at least 8 characters (the gateway's rule).";
        else
            return new LoaderOptions(gatewayUri, admin, password, values.GetValueOrDefault("data") ?? DemoData.DefaultDirectory);
        return null;
    }
}
