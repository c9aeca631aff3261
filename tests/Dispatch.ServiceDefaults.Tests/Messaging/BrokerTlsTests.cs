using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dispatch.ServiceDefaults.Messaging;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

/// <summary>With the cluster's own authority named, the broker's certificate must chain to it and still name the broker.</summary>
public sealed class BrokerTlsTests
{
    [Fact]
    public void A_certificate_of_the_named_authority_is_trusted_and_any_other_or_one_for_another_name_is_not()
    {
        using var authority = Authority("dispatch-rabbitmq-ca");
        using var stranger = Authority("someone-else");
        var file = Path.Combine(Directory.CreateTempSubdirectory("broker-ca-").FullName, "ca.crt");
        File.WriteAllText(file, authority.ExportCertificatePem());
        var validate = BrokerTls.Validation(file)!;

        using var ours = Issue(authority, "dispatch-rabbitmq");
        using var theirs = Issue(stranger, "dispatch-rabbitmq");

        Assert.True(validate(this, ours, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, theirs, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validate(this, ours, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(validate(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
        Assert.Null(BrokerTls.Validation(null));
        Assert.True(BrokerTls.IsUsedBy(new Uri("amqps://u:p@dispatch-rabbitmq/")));
        Assert.False(BrokerTls.IsUsedBy(new Uri("amqp://u:p@dispatch-rabbitmq/")));
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        return request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(1), Guid.NewGuid().ToByteArray()[..8]);
    }
}
