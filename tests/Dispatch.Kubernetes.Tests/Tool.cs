using System.Diagnostics;

namespace Dispatch.Kubernetes.Tests;

/// <summary>Runs a command-line tool the test needs (kubectl, node, npm) and says clearly when it is missing or fails.</summary>
internal static class Tool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var path = Find(program) ?? throw new InvalidOperationException(
            $"'{program}' is not installed or not on PATH; the Kubernetes manifest test needs it " +
            (program == "kubectl" ? "(Debian package kubectl) to render the overlays with `kubectl kustomize`." : "(Debian package nodejs, with npm) to validate the rendered objects against the Kubernetes schemas."));
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }
        var output = await stdout;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{await stderr}");
        return output;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
