namespace Dispatch.Teams.Domain;

/// <summary>One line of a certificate's service content: the category as printed, the orders served in it, and the hours.</summary>
internal sealed record CertificateLine(string Category, string CategoryName, int Orders, decimal Hours);
