using System.Text.RegularExpressions;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The one Dockerfile, built with <c>--build-arg PROJECT=&lt;folder&gt;</c> for each process the manifests run.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = Repository.Read("Dockerfile");

    public static TheoryData<string> Processes => new("gateway", "needs", "teams", "matching");

    [Fact]
    public void The_image_is_built_in_the_sdk_and_runs_on_the_aspnet_runtime_as_a_non_root_user_on_8080()
    {
        var stages = From().Matches(Dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.True(stages.Count >= 2, "not a multi-stage build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1], StringComparison.Ordinal);

        var runtime = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = User().Match(runtime);
        Assert.True(user.Success, "the runtime stage sets no USER");
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user.Groups[1].Value);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", runtime, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_argument_names_the_project_that_is_restored_published_and_started()
    {
        var build = Dockerfile[..Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)];

        Assert.Matches(@"(?m)^ARG PROJECT\s*$", build);
        Assert.Contains("RUN dotnet restore ${PROJECT}", build, StringComparison.Ordinal);
        Assert.Contains("dotnet publish ${PROJECT} -c Release -o /app", build, StringComparison.Ordinal);
        // The published app host (named after the project file) is what the runtime stage starts.
        var launcher = Assert.Single(Entrypoint().Matches(Dockerfile)).Groups[1].Value;
        Assert.Contains($"mv \"/app/$(basename ${{PROJECT}}/*.csproj .csproj)\" {launcher}", build, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_process_folder_builds_with_it(string process)
    {
        var code = ProcessCode.For(process);
        var project = Assert.Single(Directory.GetFiles(Repository.Path(code.Folder), "*.csproj"));
        var text = File.ReadAllText(project);

        Assert.StartsWith("<Project Sdk=\"Microsoft.NET.Sdk.Web\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<UseAppHost>false", text, StringComparison.Ordinal); // the image starts the app host
        // Every project the process references is in the build context the Dockerfile copies.
        foreach (Match reference in ProjectReference().Matches(text))
        {
            var referenced = Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Path(code.Folder), reference.Groups[1].Value)));
            var top = referenced.Split(Path.DirectorySeparatorChar)[0];
            Assert.Contains($"COPY {top}/ {top}/", Dockerfile, StringComparison.Ordinal);
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

    [GeneratedRegex("""^ENTRYPOINT \["([^"]+)"\]\s*$""", RegexOptions.Multiline)]
    private static partial Regex Entrypoint();

    [GeneratedRegex("""<ProjectReference Include="([^"]+)" """)]
    private static partial Regex ProjectReference();
}
