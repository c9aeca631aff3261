using System.Net;

namespace Dispatch.Testing.Processes;

/// <summary>What each process answered, by its name.</summary>
public sealed record ProcessStatuses(IReadOnlyDictionary<string, HttpStatusCode> ByProcess)
{
    public bool All(HttpStatusCode expected) => ByProcess.Values.All(status => status == expected);

    public override string ToString() => string.Join(", ", ByProcess.Select(p => $"{p.Key} {(int)p.Value}"));
}
