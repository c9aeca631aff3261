namespace Dispatch.Teams.Data;

/// <summary>Who made a change: the account's username and role, as the change log keeps them.</summary>
internal sealed record ChangeAuthor(string Username, string Role);
