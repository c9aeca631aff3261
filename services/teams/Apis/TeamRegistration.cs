using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>Checks every field of a team registration at once, so the coordinator hears of all problems together.</summary>
internal static partial class TeamRegistration
{
    /// <summary>The most open orders any team holds at once (the database checks it too).</summary>
    public const int MaxCapacity = 50;

    /// <param name="communityProblem">Why the community could not be found by another route (a roster's community name), said instead of the id checks.</param>
    public static ValidationErrors Validate(RegisterTeamRequest? body, Community? community, string? communityProblem = null)
    {
        var errors = new ValidationErrors()
            .RequireName(body?.Name, "name", 100)
            .Require(body?.Kind is { } kind && TeamKinds.All.Contains(kind), "kind", $"kind must be one of {string.Join(", ", TeamKinds.All)}.");
        if (communityProblem is not null)
            errors.Add("communityId", communityProblem);
        else if (body?.CommunityId is not { } communityId)
            errors.Add("communityId", "communityId is required.");
        else if (community is null)
            errors.Add("communityId", $"There is no community with id {communityId}.");

        // Repeats are merged, as rosters kept in spreadsheets often list a category twice.
        var categories = (body?.Categories ?? []).Distinct().ToArray();
        errors.Require(categories.Length is >= 1 and <= 11, "categories", "categories must list 1 to 11 category keys.");
        foreach (var unknown in categories.Where(c => !ServiceCategories.IsKnown(c)).Distinct())
            errors.Add("categories", $"'{unknown}' is not a known category; use one of {string.Join(", ", ServiceCategories.Names.Keys)}.");

        var skills = body?.Skills ?? [];
        errors.Require(skills.Length <= 30, "skills", "skills may list at most 30 skills.");
        errors.Require(skills.All(s => s?.Trim() is { Length: >= 1 and <= 50 }), "skills", "every skill must be 1 to 50 characters.");
        errors.Require(skills.All(s => s is null || PlainText.InvisibleCharacterIn(s) is null), "skills",
            "skills must not hold control, format or line-separating characters.");

        return errors
            .Require(body?.Capacity is >= 1 and <= MaxCapacity, "capacity", $"capacity must be between 1 and {MaxCapacity}.")
            .Require(body?.CapacityCeiling is null || (body.CapacityCeiling <= MaxCapacity && body.CapacityCeiling >= (body.Capacity ?? 1)),
                "capacityCeiling", $"capacityCeiling must be at least capacity and at most {MaxCapacity}.")
            // The count comes from the team's member list; a registry that has none yet may say how many it has.
            .Require(body?.MembersCount is null or (>= 0 and <= 10000), "membersCount", "membersCount, when given, must be between 0 and 10000.")
            .RequireName(body?.LeaderName, "leaderName", 50)
            .Require(body?.LeaderPhone?.Trim() is { } phone && Phone().IsMatch(phone), "leaderPhone",
                "leaderPhone must be 5 to 30 characters of digits, '+', '-' and spaces.")
            .Require(body?.ServiceArea is not { } area || ServiceAreas.All.Contains(area), "serviceArea",
                $"serviceArea must be one of {string.Join(", ", ServiceAreas.All)}.")
            .Require((body?.Availability ?? []).All(a => Availability.All.Contains(a)), "availability",
                $"availability may list {string.Join(", ", Availability.All)}.")
            .Require(body?.Mentor is null || body.Mentor.Trim().Length is >= 1 and <= 50, "mentor", "mentor must be 1 to 50 characters.")
            .OptionalName(body?.Mentor, "mentor", 50);
    }

    /// <summary>The new team in <paramref name="status"/>, from a request <see cref="Validate"/> accepted.</summary>
    public static Team ToTeam(RegisterTeamRequest body, Community community, string status, DateTimeOffset clock)
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
            // Until the coordinator says otherwise, a team may raise its capacity back to what it was registered with.
            CapacityCeiling = body.CapacityCeiling ?? body.Capacity!.Value,
            Availability = Availability.All.Where(a => (body.Availability ?? []).Contains(a)).ToArray(),
            MembersCount = body.MembersCount ?? 0,
            LeaderName = body.LeaderName!.Trim(),
            LeaderPhone = body.LeaderPhone!.Trim(),
            Mentor = body.Mentor?.Trim(),
            Status = status,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The team's current service list as a registration, with <paramref name="edit"/>'s fields laid over it, to
    /// validate by the same rules. The ceiling caps the capacity: lowering it lowers a capacity above it, and a
    /// capacity raised above it (by a coordinator) raises it, unless the edit names both.
    /// </summary>
    public static RegisterTeamRequest Merge(Team team, ProfileRequest edit)
    {
        var capacity = edit.Capacity ?? (edit.CapacityCeiling is { } lowered ? Math.Min(team.Capacity, lowered) : team.Capacity);
        return new(
            edit.Name ?? team.Name,
            edit.Kind ?? team.Kind,
            team.CommunityId,
            edit.Categories ?? team.Categories,
            edit.Skills ?? team.Skills,
            capacity,
            edit.MembersCount ?? team.MembersCount,
            edit.LeaderName ?? team.LeaderName,
            edit.LeaderPhone ?? team.LeaderPhone,
            edit.ServiceArea ?? team.ServiceArea,
            edit.Availability ?? team.Availability,
            team.Mentor,
            edit.CapacityCeiling ?? Math.Max(team.CapacityCeiling, capacity));
    }

    [GeneratedRegex(@"^[0-9+\- ]{5,30}$")]
    private static partial Regex Phone();
}
