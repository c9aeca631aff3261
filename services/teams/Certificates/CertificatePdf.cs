using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Teams.Domain;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Dispatch.Teams.Certificates;

/// <summary>
/// Prints a certificate on one A4 page: title and code, the statement of service, the service content by category,
/// the recording organisation, issuer and date with room for the seal, and a QR code of the verification page.
/// </summary>
internal sealed partial class CertificatePdf(CertificateOptions options)
{
    private const double Width = 595; // A4 in points
    private const double Height = 842;
    private const double Margin = 64;
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x29, 0x37);
    private const double QrSize = 84;
    private static readonly XColor Accent = XColor.FromArgb(0xb9, 0x1c, 0x1c);

    /// <exception cref="CertificateFontMissingException">The configured font is not there.</exception>
    public byte[] Render(Certificate certificate)
    {
        if (!File.Exists(options.FontPath))
            throw new CertificateFontMissingException(options.FontPath);
        CertificateFont.Install(options);
        var document = new PdfDocument();
        document.Info.Title = $"志愿服务记录证明 {certificate.Code}";
        document.Info.Subject = $"{certificate.VolunteerName} {Day(certificate.PeriodFrom)}至{Day(certificate.PeriodTo)}";
        document.Info.Creator = "志愿服务派单系统";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
            Draw(graphics, certificate);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private void Draw(XGraphics g, Certificate c)
    {
        var ink = new XSolidBrush(Ink);
        var accent = new XPen(Accent, 1.2);
        g.DrawRectangle(accent, 28, 28, Width - 56, Height - 56);
        g.DrawRectangle(new XPen(Accent, 0.5), 34, 34, Width - 68, Height - 68);

        var title = Font(26, bold: true);
        g.DrawString("志愿服务记录证明", title, new XSolidBrush(Accent), new XRect(0, 78, Width, 40), XStringFormats.Center);
        var small = Font(9.5);
        g.DrawString($"证明编号：{c.Code}", small, ink, new XRect(Margin, 126, Width - 2 * Margin, 14), XStringFormats.CenterRight);

        // The statement, wrapped to the page: Chinese has no spaces to break at, so lines break between characters.
        var body = Font(13.5);
        var statement = $"兹证明 {c.VolunteerName} 为{c.Organisation}志愿者，于{Day(c.PeriodFrom)}至{Day(c.PeriodTo)}期间参加志愿服务，" +
                        $"经记录，累计志愿服务时长 {Hours(c.Hours)} 小时。服务内容如下：";
        var y = Paragraph(g, statement, body, ink, 168, 26);

        y = ServiceTable(g, c, ink, y + 14);

        // The organisation, issuer and date on the left; the seal goes over the circle on their right.
        var line = Font(12.5);
        y += 34;
        var sealTop = y - 16;
        foreach (var text in new[] { $"记录单位：{c.Organisation}", $"出具单位：{c.Issuer}", $"出具日期：{Day(c.IssuedOn)}" })
            y = Paragraph(g, text, line, ink, y, 22, Width - 2 * Margin - 130) + 24;
        Seal(g, ink, new XPoint(Width - Margin - 56, sealTop + 40));

        var qrTop = Math.Max(y + 6, sealTop + 104);
        QrCode(g, c, ink, qrTop);
        Paragraph(g, "本证明依据《关于规范志愿服务记录证明工作的指导意见》（民发〔2015〕149号）出具，仅证明上述志愿服务记录；" +
                     "志愿服务记录以本系统所存为准，扫描二维码或在核验页面输入证明编号即可查验真伪。", Font(8.5), ink, qrTop + QrSize + 26, 13);
    }

    private static double ServiceTable(XGraphics g, Certificate c, XBrush ink, double top)
    {
        double[] columns = [Margin, Margin + 250, Margin + 350, Width - Margin];
        var header = Font(11.5, bold: true);
        var cell = Font(11.5);
        var rule = new XPen(Ink, 0.6);
        const double rowHeight = 22;
        var rows = c.Services.Select(s => new[] { s.CategoryName, $"{s.Orders} 次", Hours(s.Hours) })
            .Append(["合计", $"{c.Services.Sum(s => s.Orders)} 次", Hours(c.Hours)])
            .Prepend(["服务内容", "服务次数", "服务时长（小时）"])
            .ToList();
        var y = top;
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == 0)
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf3, 0xf4, 0xf6)), columns[0], y, columns[^1] - columns[0], rowHeight);
            for (var i = 0; i < 3; i++)
                g.DrawString(rows[r][i], r == 0 || r == rows.Count - 1 ? header : cell, ink,
                    new XRect(columns[i] + 8, y, columns[i + 1] - columns[i] - 16, rowHeight), i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight);
            g.DrawLine(rule, columns[0], y, columns[^1], y);
            y += rowHeight;
        }
        g.DrawLine(rule, columns[0], y, columns[^1], y);
        foreach (var x in columns)
            g.DrawLine(rule, x, top, x, y);
        return y;
    }

    /// <summary>The place for the issuer's seal: a dashed circle the stamp goes over.</summary>
    private static void Seal(XGraphics g, XBrush ink, XPoint centre)
    {
        var pen = new XPen(XColor.FromArgb(0x9c, 0xa3, 0xaf), 0.8) { DashStyle = XDashStyle.Dash };
        g.DrawEllipse(pen, centre.X - 52, centre.Y - 52, 104, 104);
        g.DrawString("（盖章）", Font(11), ink, new XRect(centre.X - 52, centre.Y - 10, 104, 20), XStringFormats.Center);
    }

    private void QrCode(XGraphics g, Certificate c, XBrush ink, double top)
    {
        var url = options.VerifyUrl(c.Code);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var module = QrSize / modules.Count;
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules.Count; column++)
                if (modules[row][column])
                    // A hair wider than the module, so neighbouring squares join without hairline gaps.
                    g.DrawRectangle(XBrushes.Black, Margin + column * module, top + row * module, module + 0.05, module + 0.05);
        var x = Margin + QrSize + 14;
        g.DrawString("扫码核验本证明", Font(11, bold: true), ink, new XPoint(x, top + 26));
        g.DrawString($"验证码：{c.Code}", Font(11), ink, new XPoint(x, top + 48));
        g.DrawString(url, Font(8.5), ink, new XPoint(x, top + 68));
    }

    /// <summary>
    /// Draws <paramref name="text"/> from <paramref name="top"/> and returns where its last line is. Lines break
    /// between Chinese characters (there are no spaces to break at), never inside a run of Latin letters and digits
    /// such as a date's year or a code.
    /// </summary>
    private static double Paragraph(XGraphics g, string text, XFont font, XBrush ink, double top, double leading, double width = Width - 2 * Margin)
    {
        var y = top;
        var line = "";
        foreach (var word in Words().Matches(text).Select(m => m.Value))
        {
            if (line.Length > 0 && g.MeasureString(line + word, font).Width > width)
            {
                g.DrawString(line.TrimEnd(), font, ink, new XPoint(Margin, y));
                y += leading;
                line = word.TrimStart();
                continue;
            }
            line += word;
        }
        if (line.Length > 0)
            g.DrawString(line, font, ink, new XPoint(Margin, y));
        return y;
    }

    [GeneratedRegex(@"\s*[A-Za-z0-9.:/\-]+|\s*.", RegexOptions.Singleline)]
    private static partial Regex Words();

    private static XFont Font(double size, bool bold = false) =>
        new(CertificateFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
