using System.Diagnostics;
using Dispatch.Testing.Processes;

namespace Dispatch.Testing;

/// <summary>
/// A PDF as a reader sees it, through Debian's poppler-utils (pdftotext, pdftoppm) and zbar-tools (zbarimg), which
/// ./test.sh installs: its text, its first page as a PNG (kept under TestResults for a person to look at), and
/// what the QR codes on that page say.
/// </summary>
public sealed class RenderedPdf
{
    private RenderedPdf(string text, string png, IReadOnlyList<string> codes) => (Text, Png, QrCodes) = (text, png, codes);

    public string Text { get; }

    /// <summary>The first page at 100 dpi.</summary>
    public string Png { get; }

    public IReadOnlyList<string> QrCodes { get; }

    public static string Folder { get; } = Path.Combine(Build.RepositoryRoot, "TestResults", "pdf");

    public static async Task<RenderedPdf> OfAsync(byte[] pdf, string name)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{name}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var text = await RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
        var stem = Path.Combine(Folder, name);
        await RunAsync("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", file, stem);
        var png = stem + ".png";
        var codes = await RunAsync("zbarimg", "--quiet", "--raw", png);
        return new RenderedPdf(text, png, codes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: install poppler-utils and zbar-tools (./test.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
    }
}
