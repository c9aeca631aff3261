using System.Globalization;
using CsvHelper;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>
/// A CSV table for download (RFC 4180, CsvHelper), written a cell at a time after its header row. A text cell that a
/// spreadsheet would run as a formula is written as text, with a leading apostrophe: CsvHelper escapes = + - @ (and tab,
/// CR), but takes only ASCII characters there, so the full-width ＝＋－＠, which Excel reads as the same prefixes, are
/// escaped here. Numbers are never escaped (-1 stays a number).
/// </summary>
public sealed class CsvExport : IDisposable
{
    private const string FullWidthFormulaPrefixes = "＝＋－＠";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter _csv;

    public CsvExport(params ReadOnlySpan<string> header)
    {
        _csv = CsvWriter.Create(_text, Options, leaveOpen: true);
        _csv.WriteHeader(header);
    }

    public CsvExport Text(string? cell)
    {
        if (cell is { Length: > 0 } && FullWidthFormulaPrefixes.Contains(cell[0], StringComparison.Ordinal))
            _csv.WriteField(Options.InjectionEscape + cell, CsvQuoting.Always);
        else
            _csv.WriteField(cell ?? "");
        return this;
    }

    public CsvExport Number(long value)
    {
        _csv.WriteField(value, default);
        return this;
    }

    /// <summary>The number, or an empty cell for none.</summary>
    public CsvExport Number(double? value)
    {
        _csv.WriteField(value, default);
        return this;
    }

    public void EndRow() => _csv.EndRecord();

    /// <summary>The table so far.</summary>
    public override string ToString()
    {
        _csv.Flush();
        return _text.ToString();
    }

    /// <summary>The table as UTF-8 behind the byte-order mark, without which Excel reads Chinese as another code page.</summary>
    public byte[] ToUtf8WithByteOrderMark() => [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(ToString())];

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }
}
