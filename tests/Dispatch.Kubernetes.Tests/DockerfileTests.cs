using System.Text.RegularExpressions;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed partial class DockerfileTests
{
    public static TheoryData<string> Processes => new("gateway", "needs", "teams", "matching");

    [Theory]
    [MemberData(nameof(Processes))]
    public void The_image_is_built_in_the_sdk_and_runs_the_project_on_the_aspnet_runtime_as_a_non_root_user_on_8080(string process)
    {
        var code = ProcessCode.For(process);
        var dockerfile = Repository.Read(code.Folder, "Dockerfile");
        var project = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(Repository.Path(code.Folder), "*.csproj")));

        var stages = From().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.True(stages.Count >= 2, $"{process}: not a multi-stage build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1], StringComparison.Ordinal);

        var runtime = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = User().Match(runtime);
        Assert.True(user.Success, $"{process}: the runtime stage sets no USER");
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user.Groups[1].Value);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", runtime, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", runtime, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", runtime, StringComparison.Ordinal);
        Assert.Contains($"dotnet publish {code.Folder}/{project}.csproj", dockerfile, StringComparison.Ordinal);

        // Every project the process references is in the build context the Dockerfile copies.
        foreach (Match reference in ProjectReference().Matches(Repository.Read(code.Folder, $"{project}.csproj")))
        {
            var referenced = Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Path(code.Folder), reference.Groups[1].Value)));
            var top = referenced.Split(Path.DirectorySeparatorChar)[0];
            Assert.Contains($"COPY {top}/ {top}/", dockerfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_data()
    {
        var ignored = Repository.Read(".dockerignore").Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".data/", ignored);
    }

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex User();

    [GeneratedRegex("""<ProjectReference Include="([^"]+)" """)]
    private static partial Regex ProjectReference();
}
