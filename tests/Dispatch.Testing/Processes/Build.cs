namespace Dispatch.Testing.Processes;

/// <summary>Finds the built assemblies of the services, in the same configuration as this test.</summary>
public static class Build
{
    /// <summary>The folder holding VolunteerDispatch.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    // tests/Dispatch.EndToEnd.Tests/bin/<Configuration>/net10.0/
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    /// <summary><paramref name="project"/> is the project path without extension, e.g. "services/needs/Dispatch.Needs".</summary>
    public static string Output(string project)
    {
        var directory = Path.GetDirectoryName(Path.Combine(RepositoryRoot, project))!;
        var assembly = Path.Combine(directory, "bin", Configuration, "net10.0", Path.GetFileName(project) + ".dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException($"Build {project} first ({assembly} is missing).");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VolunteerDispatch.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (VolunteerDispatch.sln) above " + AppContext.BaseDirectory);
    }
}
