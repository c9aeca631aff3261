namespace Dispatch.Teams.Apis;

/// <summary>Registered and active volunteers, service hours and orders served.</summary>
internal sealed record VolunteerCounts(int RegisteredVolunteers, int ActiveVolunteers, decimal ServiceHours, int OrdersServed);
