using System.Diagnostics;
using Dispatch.Testing.Processes;

namespace Dispatch.Testing;

/// <summary>
/// A PDF as a reader sees it, through Debian's poppler-utils (pdftotext, pdftoppm), zbar-tools (zbarimg) and
/// tesseract-ocr with its Simplified Chinese model, which ./test.sh installs: its text, its first page as a PNG (kept
/// under TestResults for a person to look at), what the QR codes on that page say, and what the picture reads as.
/// </summary>
public sealed class RenderedPdf
{
    private RenderedPdf(string text, string png, IReadOnlyList<string> codes) => (Text, Png, QrCodes) = (text, png, codes);

    public string Text { get; }

    /// <summary>The first page at 200 dpi, as sharp as optical character recognition needs.</summary>
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
        await RunAsync("pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile", file, stem);
        var png = stem + ".png";
        var codes = await RunAsync("zbarimg", "--quiet", "--raw", png);
        return new RenderedPdf(text, png, codes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// The text recognised on the picture of the page (tesseract, chi_sim), without white space: it shows that the
    /// glyphs were drawn, which the text layer alone does not (a font without them still yields the right text).
    /// Recognition misreads a Latin letter now and then, so compare it on Chinese phrases and read codes from the QR code.
    /// </summary>
    public async Task<string> SeenTextAsync()
    {
        // One thread: the machine's cores are shared with the rest of the test run.
        var seen = await RunAsync("tesseract", new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, Png, "-", "-l", "chi_sim");
        return string.Concat(seen.Where(c => !char.IsWhiteSpace(c)));
    }

    private static Task<string> RunAsync(string tool, params string[] arguments) => RunAsync(tool, new Dictionary<string, string>(), arguments);

    private static async Task<string> RunAsync(string tool, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: install poppler-utils, zbar-tools, tesseract-ocr and tesseract-ocr-chi-sim (./test.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
    }
}
