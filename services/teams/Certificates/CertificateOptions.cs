namespace Dispatch.Teams.Certificates;

/// <summary>How certificates are printed: the font with Chinese glyphs, and where the verification page is published.</summary>
internal sealed class CertificateOptions
{
    public const string SectionName = "Certificates";

    /// <summary>A TrueType font (.ttf) or collection (.ttc) with Chinese glyphs: Debian's fonts-wqy-zenhei by default.</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>Which face of a collection to use (WenQuanYi Zen Hei is the first of the three in wqy-zenhei.ttc).</summary>
    public int FontFaceIndex { get; set; }

    /// <summary>The public address of the gateway: the QR code opens <c>{VerifyBaseUrl}/verify/{code}</c>.</summary>
    public string VerifyBaseUrl { get; set; } = "http://127.0.0.1:8080";

    public string VerifyUrl(string code) => $"{VerifyBaseUrl.TrimEnd('/')}/verify/{code}";
}
