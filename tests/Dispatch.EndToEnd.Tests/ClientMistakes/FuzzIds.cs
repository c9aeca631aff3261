using Dispatch.Testing.Processes;

namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>The ids a generated request names: street A's own (the caller's scope), or street B's (another scope's).</summary>
public sealed class FuzzIds(TwoStreets streets)
{
    /// <summary>The caller's own id for the path parameter <paramref name="parameter"/> of <paramref name="template"/>.</summary>
    public Guid Own(string template, string parameter) => ForPath(streets.A, streets.HeldNeedId, template, parameter);

    /// <summary>Another scope's id (street B, another district) for the same parameter.</summary>
    public Guid Other(string template, string parameter) => ForPath(streets.B, streets.OtherNeedId, template, parameter);

    /// <summary>The caller's own id for a body field or query parameter named <paramref name="name"/>.</summary>
    public Guid ForField(string name) => ByName(streets.A, streets.HeldNeedId, name) ?? Guid.NewGuid();

    public Guid OtherForField(string name) => ByName(streets.B, streets.OtherNeedId, name) ?? Guid.NewGuid();

    private static Guid ForPath(TestStreet street, Guid needId, string template, string parameter) =>
        ByName(street, needId, parameter) ?? (parameter, template) switch
        {
            ("id", _) when template.StartsWith("/api/needs/", StringComparison.Ordinal) => needId,
            ("id", _) when template.StartsWith("/api/teams/", StringComparison.Ordinal) => street.Teams[0].Id,
            ("id", _) when template.StartsWith("/api/places/districts/", StringComparison.Ordinal) => street.DistrictId,
            ("id", _) when template.StartsWith("/api/places/streets/", StringComparison.Ordinal) => street.StreetId,
            ("id", _) when template.StartsWith("/api/places/communities/", StringComparison.Ordinal) => street.CommunityId,
            // plans, changes, accounts: none of these exist yet; an unknown id is as good as any
            _ => Guid.NewGuid(),
        };

    private static Guid? ByName(TestStreet street, Guid needId, string name) => name switch
    {
        "needId" or "ids" => needId,
        "teamId" or "targetTeamId" => street.Teams[0].Id,
        "communityId" => street.CommunityId,
        "streetId" => street.StreetId,
        "districtId" => street.DistrictId,
        _ => null,
    };
}
