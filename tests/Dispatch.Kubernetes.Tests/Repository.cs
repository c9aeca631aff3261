namespace Dispatch.Kubernetes.Tests;

/// <summary>Paths in the repository the tests read: the manifests, the code, the Dockerfiles.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>The C# sources of a folder, without build output.</summary>
    public static string Sources(string folder) => string.Join("\n",
        Directory.EnumerateFiles(Path(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "VolunteerDispatch.sln")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "k8s")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No repository (VolunteerDispatch.sln beside k8s/) above {AppContext.BaseDirectory}.");
    }
}
