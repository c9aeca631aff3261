namespace Dispatch.Teams.Domain;

/// <summary>One line of a certificate's service content: a category, how many orders of it, and the hours.</summary>
internal sealed record ServiceLine(string Category, int Orders, decimal Hours);
