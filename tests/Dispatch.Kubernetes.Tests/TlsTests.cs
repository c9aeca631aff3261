using System.Text.Json.Nodes;
using Dispatch.ServiceDefaults.Data;
using Npgsql;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>In production residents' data rests encrypted, and every process reaches PostgreSQL and RabbitMQ over TLS, checking the servers' certificates, and neither server takes a plain connection.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task In_production_every_process_verifies_postgresql_and_rabbitmq_over_tls()
    {
        var overlay = await Overlays.RenderAsync("production");
        foreach (var deployment in overlay.Deployments)
        {
            var process = RenderedOverlay.NameOf(deployment);
            var code = ProcessCode.For(process);
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            var environment = new ContainerEnvironment(overlay, container);
            var mounted = Mounted(deployment, container);
            foreach (var database in code.Databases)
            {
                var parsed = PostgresConnectionString.Parse(environment[$"ConnectionStrings__{database}"]!.Value!);
                Assert.Equal(SslMode.VerifyFull, parsed.SslMode);
                Assert.Equal(("dispatch-postgres-ca", "ca.crt"), mounted[parsed.RootCertificate!]);
            }
            if (code.UsesBroker)
            {
                var broker = new Uri(environment["ConnectionStrings__RabbitMq"]!.Value!);
                Assert.Equal(("amqps", 5671), (broker.Scheme, broker.Port));
                Assert.Equal(("dispatch-rabbitmq-tls", "ca.crt"), mounted[environment["Messaging__CertificateAuthorityFile"]!.Value!]);
            }
        }

        var postgres = Assert.Single(overlay.OfKind("Cluster"));
        var rules = postgres["spec"]!["postgresql"]!["pg_hba"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains("hostnossl all all 0.0.0.0/0 reject", rules);
        Assert.Contains("hostnossl all all ::/0 reject", rules);
        var rabbit = Assert.Single(overlay.OfKind("RabbitmqCluster"))["spec"]!["tls"]!;
        Assert.Equal(("dispatch-rabbitmq-tls", true), ((string)rabbit["secretName"]!, (bool)rabbit["disableNonTLSListeners"]!));
    }

    [Fact]
    public async Task In_production_residents_data_rests_only_on_encrypted_volumes_and_encrypted_backups()
    {
        var overlay = await Overlays.RenderAsync("production");

        var postgres = Assert.Single(overlay.OfKind("Cluster"));
        Assert.Equal("dispatch-encrypted", (string?)postgres["spec"]!["storage"]!["storageClass"]);
        var store = Assert.Single(overlay.OfKind("ObjectStore"))["spec"]!["configuration"]!;
        Assert.Equal(("AES256", "AES256"), ((string?)store["wal"]!["encryption"], (string?)store["data"]!["encryption"]));
    }

    /// <summary>Each file the container can read from a Secret: its path, and which Secret and key it is.</summary>
    private static Dictionary<string, (string Secret, string Key)> Mounted(JsonObject deployment, JsonObject container)
    {
        var volumes = RenderedOverlay.PodSpec(deployment)["volumes"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => v!);
        var files = new Dictionary<string, (string, string)>();
        foreach (var mount in container["volumeMounts"]?.AsArray() ?? [])
        {
            var sources = volumes[(string)mount!["name"]!]["projected"]?["sources"]?.AsArray() ?? [];
            foreach (var secret in sources.Select(s => s!["secret"]).OfType<JsonNode>())
                foreach (var item in secret["items"]!.AsArray())
                    files[$"{(string)mount["mountPath"]!}/{(string)item!["path"]!}"] = ((string)secret["name"]!, (string)item["key"]!);
        }
        return files;
    }
}
