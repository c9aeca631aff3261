namespace Dispatch.DemoStreet;

/// <summary>One line of the table printed at the end: an account a person can sign in with.</summary>
internal sealed record DemoAccount(string Username, string Role, string BoundTo, string Password);
