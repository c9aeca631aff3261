using PdfSharp.Fonts;

namespace Dispatch.Teams.Certificates;

/// <summary>
/// PDFsharp's font resolver for certificates: every typeface asked for is the one configured face with Chinese
/// glyphs, read once (PDFsharp embeds only the glyphs a document uses).
/// </summary>
internal sealed class CertificateFont(CertificateOptions options) : IFontResolver
{
    public const string Family = "Certificate";
    private const string FaceName = "certificate-face";
    private static readonly Lock Installing = new();
    private readonly Lazy<byte[]> _face = new(() => TrueTypeCollection.Face(File.ReadAllBytes(options.FontPath), options.FontFaceIndex));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // The face has no bold: PDFsharp simulates it (and italic) by stroking and slanting.
        new(FaceName, bold, italic);

    public byte[] GetFont(string faceName) => _face.Value;

    /// <summary>Installs the resolver for the process (PDFsharp has one); a second call keeps the first.</summary>
    public static void Install(CertificateOptions options)
    {
        lock (Installing)
            GlobalFontSettings.FontResolver ??= new CertificateFont(options);
    }
}
