using System.Security.Cryptography;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// The node program in schema/ (validate.mjs) and its packages, installed with `npm ci` from the
/// committed package-lock.json into schema/node_modules (git-ignored) when missing or out of date.
/// </summary>
internal static class SchemaChecker
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static string Folder => Repository.Path("tests", "Dispatch.Kubernetes.Tests", "schema");

    public static async Task<string> ValidateAsync(string renderedYaml)
    {
        await Installed.Value;
        return await Tool.RunAsync("node", ["validate.mjs", renderedYaml], Folder, TimeSpan.FromMinutes(2));
    }

    private static async Task InstallAsync()
    {
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(System.IO.Path.Combine(Folder, "package-lock.json"))));
        var marker = System.IO.Path.Combine(Folder, "node_modules", ".installed-from-lock");
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker) == lockHash)
            return;
        await Tool.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Folder, TimeSpan.FromMinutes(5));
        await File.WriteAllTextAsync(marker, lockHash);
    }
}
