using System.Reflection;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>The SQL scripts a service applies: the shared outbox/inbox first, then its own, in name order.</summary>
public sealed class MigrationSource(Assembly serviceAssembly, string connectionString)
{
    public string ConnectionString => connectionString;

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public IEnumerable<(string Version, string Sql)> Scripts() =>
        Read(typeof(MigrationSource).Assembly).Concat(Read(serviceAssembly).OrderBy(s => s.Version, StringComparer.Ordinal));

    private static IEnumerable<(string Version, string Sql)> Read(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            // "Dispatch.Needs.Migrations.0001_create_needs.sql" -> "0001_create_needs"
            var file = Path.GetFileNameWithoutExtension(name);
            var version = file[(file.LastIndexOf('.') + 1)..];
            yield return (version, reader.ReadToEnd());
        }
    }
}
