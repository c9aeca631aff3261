namespace Dispatch.ServiceDefaults.Configuration;

/// <summary>
/// A setting every deployment must give, even where the process starts without it (with a warning, or a default that
/// only works on a developer's machine); the Kubernetes test fails a manifest that leaves it out.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredSettingAttribute : Attribute;
