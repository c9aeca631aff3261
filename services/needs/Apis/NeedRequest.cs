using System.Text.RegularExpressions;
using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Needs.Apis;

/// <summary>
/// The body of create and edit. Every field is nullable so that a missing one is a 400 naming it,
/// not a binding failure; <see cref="Validate"/> reports every problem at once.
/// </summary>
internal sealed partial record NeedRequest(
    string? Title,
    string? Description,
    string? Category,
    int? VolunteersNeeded,
    string[]? Skills,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? ClaimDeadline,
    string? Urgency,
    int? Beneficiaries,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    Guid? TargetTeamId)
{
    /// <summary>The checked content, or null with every problem added to <paramref name="errors"/>.</summary>
    public NeedContent? Validate(ValidationErrors errors)
    {
        errors.RequireName(Title, "title", 200)
            .Require(Description is null || Description.Length <= 4000, "description", "description must be at most 4000 characters.")
            .Require(ServiceCategories.IsKnown(Category), "category",
                $"category must be one of {string.Join(", ", ServiceCategories.Names.Keys)}.")
            .Require(VolunteersNeeded is >= 1 and <= 500, "volunteersNeeded", "volunteersNeeded must be between 1 and 500.")
            .Require((Skills?.Length ?? 0) <= 20, "skills", "skills may list at most 20 skills.")
            .Require(Skills is null || Skills.All(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= 50), "skills",
                "each skill must be 1 to 50 characters.")
            .Require(Skills is null || Skills.All(s => s is null || PlainText.InvisibleCharacterIn(s) is null), "skills",
                "skills must not hold control, format or line-separating characters.")
            .Require(StartsAt is not null, "startsAt", "startsAt is required.")
            .Require(EndsAt is not null, "endsAt", "endsAt is required.")
            .Require(StartsAt is null || EndsAt is null || StartsAt < EndsAt, "endsAt", "endsAt must be after startsAt.")
            .Require(ClaimDeadline is null || StartsAt is null || ClaimDeadline <= StartsAt, "claimDeadline",
                "claimDeadline must not be after startsAt.")
            .Require(Urgency is null or NeedContent.Normal or NeedContent.Urgent, "urgency", "urgency must be normal or urgent.")
            .Require(Beneficiaries is null or >= 0, "beneficiaries", "beneficiaries must be 0 or more.")
            .Require(Address is null || Address.Length <= 200, "address", "address must be at most 200 characters.")
            .OptionalName(ContactName, "contactName", 50)
            .Require(string.IsNullOrWhiteSpace(ContactPhone) || (ContactPhone.Length <= 30 && PhoneCharacters().IsMatch(ContactPhone)),
                "contactPhone", "contactPhone may hold only digits, +, - and spaces, at most 30 characters.")
            .Require(TargetTeamId != Guid.Empty, "targetTeamId", "targetTeamId must be a team id.")
            // Every team reads the title in the hall; the resident is named only in the contact fields.
            .Require(Title is null || !PersonalData.Names(Title, ContactName, ContactPhone, Address), "title",
                "title must not contain the contact's name, phone or address: every team reads it in the hall.");
        if (errors.Any)
            return null;

        return new NeedContent(
            Title!.Trim(), Description?.Trim() ?? "", Category!, VolunteersNeeded!.Value,
            (Skills ?? []).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
            StartsAt!.Value.ToUniversalTime(), EndsAt!.Value.ToUniversalTime(), ClaimDeadline?.ToUniversalTime(),
            Urgency ?? NeedContent.Normal, Beneficiaries, OrNull(Address), OrNull(ContactName), OrNull(ContactPhone), TargetTeamId);
    }

    private static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[0-9+\- ]+$")]
    private static partial Regex PhoneCharacters();
}
