using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>Checks every field of a team registration at once, so the coordinator hears of all problems together.</summary>
internal static partial class TeamRegistration
{
    public static ValidationErrors Validate(RegisterTeamRequest? body, Community? community)
    {
        var errors = new ValidationErrors()
            .RequireText(body?.Name?.Trim(), "name", 100)
            .Require(body?.Kind is { } kind && TeamKinds.All.Contains(kind), "kind", $"kind must be one of {string.Join(", ", TeamKinds.All)}.")
            .Require(body?.CommunityId is not null, "communityId", "communityId is required.");
        if (body?.CommunityId is { } communityId && community is null)
            errors.Add("communityId", $"There is no community with id {communityId}.");

        // Repeats are merged, as rosters kept in spreadsheets often list a category twice.
        var categories = (body?.Categories ?? []).Distinct().ToArray();
        errors.Require(categories.Length is >= 1 and <= 11, "categories", "categories must list 1 to 11 category keys.");
        foreach (var unknown in categories.Where(c => !ServiceCategories.IsKnown(c)).Distinct())
            errors.Add("categories", $"'{unknown}' is not a known category; use one of {string.Join(", ", ServiceCategories.Names.Keys)}.");

        var skills = body?.Skills ?? [];
        errors.Require(skills.Length <= 30, "skills", "skills may list at most 30 skills.");
        errors.Require(skills.All(s => s?.Trim() is { Length: >= 1 and <= 50 }), "skills", "every skill must be 1 to 50 characters.");

        return errors
            .Require(body?.Capacity is >= 1 and <= 50, "capacity", "capacity must be between 1 and 50.")
            .Require(body?.MembersCount is >= 1 and <= 10000, "membersCount", "membersCount must be between 1 and 10000.")
            .RequireText(body?.LeaderName?.Trim(), "leaderName", 50)
            .Require(body?.LeaderPhone?.Trim() is { } phone && Phone().IsMatch(phone), "leaderPhone",
                "leaderPhone must be 5 to 30 characters of digits, '+', '-' and spaces.")
            .Require(body?.ServiceArea is not { } area || ServiceAreas.All.Contains(area), "serviceArea",
                $"serviceArea must be one of {string.Join(", ", ServiceAreas.All)}.");
    }

    /// <summary>The new team, incubating, from a request <see cref="Validate"/> accepted.</summary>
    public static Team ToTeam(RegisterTeamRequest body, Community community, DateTimeOffset clock)
    {
        // PostgreSQL keeps microseconds: the 201 must show the time exactly as a later read will.
        var now = clock.AddTicks(-(clock.Ticks % 10));
        return new Team
        {
            Id = Guid.CreateVersion7(),
            Name = body.Name!.Trim(),
            Kind = body.Kind!,
            CommunityId = community.Id,
            StreetId = community.StreetId,
            DistrictId = community.DistrictId,
            Categories = body.Categories!.Distinct().ToArray(),
            Skills = (body.Skills ?? []).Select(s => s.Trim()).Distinct().ToArray(),
            ServiceArea = body.ServiceArea ?? ServiceAreas.Community,
            Capacity = body.Capacity!.Value,
            MembersCount = body.MembersCount!.Value,
            LeaderName = body.LeaderName!.Trim(),
            LeaderPhone = body.LeaderPhone!.Trim(),
            Status = TeamLifecycle.Initial,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    [GeneratedRegex(@"^[0-9+\- ]{5,30}$")]
    private static partial Regex Phone();
}
