using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Data;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed class ConfigurationTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_environment_variable_is_one_the_code_reads(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var unread = new List<string>();

        foreach (var deployment in overlay.Deployments)
        {
            var code = ProcessCode.For(RenderedOverlay.NameOf(deployment));
            var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)));
            Assert.True(environment.Problems.Count == 0, $"{name}/{code.Name}: " + string.Join("; ", environment.Problems));
            // A variable the code does not read is allowed only as a part that Kubernetes puts into one it does ($(NAME)).
            unread.AddRange(environment.Variables
                .Where(v => !code.Reads(v.Name) && !environment.Interpolated.Contains(v.Name))
                .Select(v => $"{code.Name}: {v.Name} (from {v.Source})"));
        }

        Assert.True(unread.Count == 0, $"{name}: variables no code reads:\n" + string.Join("\n", unread));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_setting_the_code_requires_is_given(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var missing = new List<string>();

        foreach (var deployment in overlay.Deployments)
        {
            var code = ProcessCode.For(RenderedOverlay.NameOf(deployment));
            var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)));
            missing.AddRange(code.Requires.Where(key => environment[key] is null).Select(key => $"{code.Name}: {key}"));
            missing.AddRange(code.ProxyClusters
                .Where(cluster => !environment.Variables.Any(v => v.Name.StartsWith($"ReverseProxy__Clusters__{cluster}__Destinations__", StringComparison.Ordinal) && v.Name.EndsWith("__Address", StringComparison.Ordinal)))
                .Select(cluster => $"{code.Name}: a destination address for the proxy cluster '{cluster}'"));
        }

        Assert.True(missing.Count == 0, $"{name}: settings the code needs and the manifests do not give:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_secret_key_a_container_reads_exists(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var dangling = new List<string>();

        foreach (var deployment in overlay.Deployments)
        {
            var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)));
            foreach (var variable in environment.Variables.Where(v => v.FromSecret))
            {
                var keys = SecretKeys.Of(overlay, variable.SecretName!);
                if (keys is null)
                    dangling.Add($"{RenderedOverlay.NameOf(deployment)}: {variable.Name} reads Secret {variable.SecretName}, which neither the overlay nor an operator of it makes");
                else if (!keys.Contains(variable.SecretKey!))
                    dangling.Add($"{RenderedOverlay.NameOf(deployment)}: {variable.Name} reads key {variable.SecretKey} that Secret {variable.SecretName} does not have");
            }
        }

        Assert.True(dangling.Count == 0, $"{name}:\n" + string.Join("\n", dangling));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Passwords_and_signing_keys_come_from_Secrets_not_from_ConfigMaps_or_literals(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        foreach (var deployment in overlay.Deployments)
        {
            var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)));
            foreach (var variable in environment.Variables.Where(v => v.Name.Contains("Password", StringComparison.OrdinalIgnoreCase)
                || v.Name.Contains("SigningKeys", StringComparison.Ordinal)))
                Assert.True(variable.FromSecret, $"{name}/{RenderedOverlay.NameOf(deployment)}: {variable.Name} comes from {variable.Source}, not a Secret");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Connection_strings_reach_the_declared_databases_and_the_broker(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var postgres = RenderedOverlay.NameOf(Assert.Single(overlay.OfKind("Cluster")));
        var rabbit = RenderedOverlay.NameOf(Assert.Single(overlay.OfKind("RabbitmqCluster")));
        var databases = overlay.OfKind("Database").Select(d => (string?)d["spec"]?["name"]).ToHashSet();

        foreach (var deployment in overlay.Deployments)
        {
            var code = ProcessCode.For(RenderedOverlay.NameOf(deployment));
            var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)));
            foreach (var database in code.Databases)
            {
                // The service's own parser, as it reads the value at start.
                var parsed = PostgresConnectionString.Parse(environment[$"ConnectionStrings__{database}"]!.Value!);
                Assert.Equal($"{postgres}-rw", parsed.Host); // the primary, through the operator's read-write Service
                Assert.Contains(parsed.Database, databases);
                // Credentials only as $(NAME) from a Secret (the placeholder ContainerEnvironment puts there).
                Assert.StartsWith("secret-", parsed.Password, StringComparison.Ordinal);
                Assert.StartsWith("secret-", parsed.Username, StringComparison.Ordinal);
            }
            if (code.UsesBroker)
            {
                var broker = new Uri(environment["ConnectionStrings__RabbitMq"]!.Value!);
                // Production speaks TLS (TlsTests); the local overlay plain AMQP.
                Assert.Equal(name == "production" ? ("amqps", 5671) : ("amqp", 5672), (broker.Scheme, broker.Port));
                Assert.Equal(rabbit, broker.Host);
                Assert.Matches("^secret-[^:]*:secret-", broker.UserInfo); // credentials only as $(NAME) from a Secret
            }
            else
            {
                Assert.Null(environment["ConnectionStrings__RabbitMq"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_signing_keys_given_are_ones_the_services_accept(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var sources = overlay.Deployments
            .Select(d => new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(d)))["Auth__SigningKeys"])
            .Select(v => (v!.SecretName, v.SecretKey))
            .Distinct()
            .ToList();

        // One set of keys for all: the gateway signs with the first, the services validate with all.
        var (secretName, key) = Assert.Single(sources);
        var secret = overlay.Find("Secret", secretName!)!;
        var encoded = (string?)secret["data"]?[key!];
        var value = encoded is not null ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : (string?)secret["stringData"]?[key!];
        var keys = new AuthOptions { SigningKeys = value! }.Keys();
        Assert.NotEmpty(keys);
    }
}
