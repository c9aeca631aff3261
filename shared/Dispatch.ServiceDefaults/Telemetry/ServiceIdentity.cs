using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>Who is speaking in a span, a metric or a log line: the process's service name and version.</summary>
public sealed record ServiceIdentity(string Name, string Version)
{
    /// <summary>
    /// <c>OTEL_SERVICE_NAME</c> when set (the standard setting), else the project's name without its prefix
    /// ("Dispatch.Needs" is "needs"); the version is the build's informational version (with the commit).
    /// </summary>
    public static ServiceIdentity Of(IHostEnvironment environment, IConfiguration configuration)
    {
        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : environment.ApplicationName.Replace("Dispatch.", "", StringComparison.Ordinal).ToLowerInvariant();
        var assembly = Assembly.GetEntryAssembly();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "0.0.0";
        return new ServiceIdentity(name, version);
    }
}
