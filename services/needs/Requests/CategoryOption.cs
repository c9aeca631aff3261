namespace Dispatch.Needs.Requests;

/// <summary>A service a resident may ask for: its key and its Chinese name.</summary>
internal sealed record CategoryOption(string Key, string Name);
