namespace Dispatch.Teams.Certificates;

/// <summary>The configured certificate font is not on this machine: certificates cannot be printed until it is.</summary>
internal sealed class CertificateFontMissingException(string path)
    : Exception($"The certificate font {path} is missing: install Debian's fonts-wqy-zenhei or set Certificates__FontPath to a font with Chinese glyphs.");
