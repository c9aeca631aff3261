using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dispatch.ServiceDefaults.Spreadsheets;

/// <summary>
/// A CSV file a user uploads: the request body (text/csv) or the <c>file</c> field of a multipart form,
/// as text. Excel on a Chinese Windows saves "CSV" in GB18030 (ANSI), not UTF-8; both are read.
/// </summary>
public static class CsvUpload
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    /// <summary>The file's text, or null when there is no file, it is empty, or it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
            return null;
        byte[] bytes;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file || file.Length > maxBytes)
                return null;
            await using var stream = file.OpenReadStream();
            bytes = await ReadAtMostAsync(stream, maxBytes, ct);
        }
        else
            bytes = await ReadAtMostAsync(request.Body, maxBytes, ct);
        if (bytes.Length == 0 || bytes.Length > maxBytes)
            return null;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        // One byte past the limit is enough to know the file is too big, without reading all of it.
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                break;
        }
        return buffer.ToArray();
    }
}
