namespace Dispatch.Gateway.Tests;

/// <summary>The gateway reading its signing keys from a file the test rewrites while it runs.</summary>
public sealed class KeyRotationGatewayFactory : GatewayFactory
{
    public const string FirstKey = "first-file-signing-key-that-is-long-enough-0001";

    public string KeysFile { get; } = Path.Combine(Path.GetTempPath(), $"dispatch-keys-{Guid.NewGuid():N}.txt");

    public KeyRotationGatewayFactory() => File.WriteAllText(KeysFile, FirstKey + "\n");

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [.. base.ExtraSettings, ("Auth:SigningKeysFile", KeysFile)];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            File.Delete(KeysFile);
    }
}
