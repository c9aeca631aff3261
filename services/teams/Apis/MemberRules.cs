using System.Text.RegularExpressions;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>Checks a member's record (all problems at once) and makes the stored member from one that passed.</summary>
internal static partial class MemberRules
{
    public static ValidationErrors Validate(MemberRequest? body, DateOnly today)
    {
        var skills = body?.Skills ?? [];
        var errors = new ValidationErrors()
            .RequireText(body?.Name?.Trim(), "name", MemberLimits.NameLength)
            .Require(body?.Phone is not { } phone || string.IsNullOrWhiteSpace(phone) || Phone().IsMatch(Normalised(phone)!), "phone",
                "phone must be 5 to 20 digits, optionally after '+' (spaces and dashes are ignored).")
            .Require(skills.Length <= MemberLimits.Skills, "skills", $"skills may list at most {MemberLimits.Skills} skills.")
            .Require(skills.All(s => s?.Trim() is { Length: >= 1 and <= MemberLimits.SkillLength }), "skills",
                $"every skill must be 1 to {MemberLimits.SkillLength} characters.");
        if (body?.JoinedOn is not { } joined)
            errors.Add("joinedOn", "joinedOn (the day the member joined, yyyy-MM-dd) is required.");
        else if (joined < MemberLimits.EarliestJoinedOn || joined > today)
            errors.Add("joinedOn", $"joinedOn must be between {MemberLimits.EarliestJoinedOn:yyyy-MM-dd} and today.");
        if (body?.LeftOn is { } left)
            errors.Require(left <= today, "leftOn", "leftOn cannot be in the future: record it on the day the member leaves.")
                .Require(body.JoinedOn is not { } from || left >= from, "leftOn", "leftOn must not be before joinedOn.");
        return errors;
    }

    /// <summary>The member <see cref="Validate"/> accepted, new (version 1) or as the next version of <paramref name="before"/>.</summary>
    public static Member ToMember(MemberRequest body, Guid teamId, Member? before, string actor, DateTimeOffset clock)
    {
        // PostgreSQL keeps microseconds: the answer must show the time exactly as a later read will.
        var now = clock.AddTicks(-(clock.Ticks % 10));
        return new Member
        {
            Id = before?.Id ?? Guid.CreateVersion7(),
            TeamId = teamId,
            Name = body.Name!.Trim(),
            Phone = Normalised(body.Phone),
            Skills = (body.Skills ?? []).Select(s => s.Trim()).Distinct().ToArray(),
            JoinedOn = body.JoinedOn!.Value,
            LeftOn = body.LeftOn,
            Version = (before?.Version ?? 0) + 1,
            RecordedBy = before?.RecordedBy ?? actor,
            CreatedAt = before?.CreatedAt ?? now,
            UpdatedAt = now,
            ServiceHours = before?.ServiceHours ?? 0,
        };
    }

    /// <summary>The phone as stored: digits (and a leading '+') only, so "138-0000 1234" and "13800001234" are one number.</summary>
    public static string? Normalised(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : Separators().Replace(phone.Trim(), "");

    [GeneratedRegex(@"^\+?[0-9]{5,20}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();
}
