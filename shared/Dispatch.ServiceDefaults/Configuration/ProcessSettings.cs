using System.Reflection;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Messaging;
using Dispatch.ServiceDefaults.Telemetry;

namespace Dispatch.ServiceDefaults.Configuration;

/// <summary>
/// What a process reads from configuration, declared once beside its Program.cs, which sets the process up from it; the
/// Kubernetes test holds every manifest to the same declaration. The settings themselves are options classes: a
/// <c>public const string SectionName</c> and settable properties, each read as <c>Section__Property</c>.
/// </summary>
/// <param name="Database">The process's own database, <c>ConnectionStrings__&lt;Database&gt;</c>.</param>
/// <param name="UsesBroker">Whether it sets up messaging: the broker's connection string and the messaging and outbox options.</param>
public sealed record ProcessSettings(string Database, bool UsesBroker)
{
    /// <summary>Sections a library binds as a whole (YARP's <c>ReverseProxy</c>): every key below one is read.</summary>
    public IReadOnlyList<string> LibrarySections { get; init; } = [];

    /// <summary>The options classes of <paramref name="process"/>, and those of the service defaults it sets up.</summary>
    public IEnumerable<Type> OptionsClasses(Assembly process)
    {
        IEnumerable<Type> defaults = UsesBroker
            ? [typeof(AuthOptions), typeof(MetricsOptions), typeof(MessagingOptions), typeof(OutboxOptions)]
            : [typeof(AuthOptions), typeof(MetricsOptions)];
        return process.GetTypes().Where(t => SectionOf(t) is not null).Concat(defaults);
    }

    /// <summary>Every connection string the process reads, as an environment variable.</summary>
    public IEnumerable<string> ConnectionStrings =>
        UsesBroker ? [ConnectionString(Database), ConnectionString(MessagingSetup.BrokerConnectionName)] : [ConnectionString(Database)];

    /// <summary>The settings of an options class, <c>Section__Property</c>, and whether a deployment must give each.</summary>
    public static IEnumerable<(string Key, bool Required)> Keys(Type optionsClass)
    {
        var section = SectionOf(optionsClass) ?? throw new ArgumentException($"{optionsClass} has no const string SectionName.", nameof(optionsClass));
        return optionsClass.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .Select(p => ($"{section}__{p.Name}", p.IsDefined(typeof(RequiredSettingAttribute))));
    }

    public static string ConnectionString(string name) => $"ConnectionStrings__{name}";

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;
}
