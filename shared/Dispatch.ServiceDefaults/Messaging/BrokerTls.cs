using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// TLS to RabbitMQ (an <c>amqps://</c> URL, port 5671 by default): the broker's certificate must name its host, and chain
/// to the system's roots or, when <c>Messaging__CertificateAuthorityFile</c> names one (the cluster's own CA, PEM), to it.
/// </summary>
public static class BrokerTls
{
    public const int DefaultPort = 5671;

    public static bool IsUsedBy(Uri broker) => string.Equals(broker.Scheme, "amqps", StringComparison.OrdinalIgnoreCase);

    /// <summary>The check of the broker's certificate; null for the system's own (no authority file).</summary>
    public static RemoteCertificateValidationCallback? Validation(string? certificateAuthorityFile)
    {
        if (string.IsNullOrEmpty(certificateAuthorityFile))
            return null;
        var authority = X509CertificateLoader.LoadCertificateFromFile(certificateAuthorityFile);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
                return true;
            // A certificate for another name (or none) stays refused; only the chain may end at the cluster's own authority.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(presented);
        };
    }
}
