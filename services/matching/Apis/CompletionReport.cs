using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Matching.Apis;

/// <summary>
/// Reads a completion report. With attendance rows the totals are derived from them (hours summed, one volunteer a
/// row) and totals sent alongside must agree; without rows the two totals are required, as they always were.
/// </summary>
internal static class CompletionReport
{
    public const int MaxAttendanceRows = 500;

    /// <summary>One order is one session of service: more than a day for one volunteer is a typing mistake.</summary>
    public const decimal MaxHoursPerVolunteer = 24;

    public static ValidationErrors Validate(CompleteRequest? body)
    {
        var errors = new ValidationErrors().RequireText(body?.Summary, "summary", 2000);
        if (body?.Attendance is not { } rows)
            return errors
                .Require(body?.ServiceHours is > 0 and <= 1000, "serviceHours", "serviceHours must be more than 0 and at most 1000 (or send attendance).")
                .Require(body?.VolunteersCount is >= 1 and <= 10000, "volunteersCount", "volunteersCount must be between 1 and 10000 (or send attendance).");

        errors.Require(rows.Length is >= 1 and <= MaxAttendanceRows, "attendance",
            $"attendance must list 1 to {MaxAttendanceRows} volunteers (or leave it out and send serviceHours and volunteersCount).");
        for (var i = 0; i < rows.Length; i++)
        {
            errors.Require(rows[i]?.MemberId is not null, $"attendance[{i}].memberId", "memberId is required.")
                .Require(rows[i]?.Hours is > 0 and <= MaxHoursPerVolunteer, $"attendance[{i}].hours",
                    $"hours must be more than 0 and at most {MaxHoursPerVolunteer}.");
        }
        foreach (var repeated in rows.Where(r => r?.MemberId is not null).GroupBy(r => r!.MemberId).Where(g => g.Count() > 1))
            errors.Add("attendance", $"Member {repeated.Key} is listed more than once.");
        if (errors.Any)
            return errors;

        var hours = rows.Sum(r => r!.Hours!.Value);
        return errors
            .Require(hours <= 1000, "attendance", "The hours of all volunteers together must be at most 1000.")
            .Require(body.ServiceHours is null || body.ServiceHours == hours, "serviceHours",
                $"serviceHours ({body.ServiceHours}) must be the sum of the attendance hours ({hours}), or be left out.")
            .Require(body.VolunteersCount is null || body.VolunteersCount == rows.Length, "volunteersCount",
                $"volunteersCount ({body.VolunteersCount}) must be the number of attendance rows ({rows.Length}), or be left out.");
    }

    /// <summary>The completion of a report <see cref="Validate"/> accepted.</summary>
    public static Completion ToCompletion(CompleteRequest body)
    {
        var attendance = (body.Attendance ?? []).Select(r => new Attendance(r!.MemberId!.Value, r.Hours!.Value)).ToList();
        return attendance.Count == 0
            ? new Completion(body.ServiceHours!.Value, body.VolunteersCount!.Value, body.Summary!.Trim(), attendance)
            : new Completion(attendance.Sum(a => a.Hours), attendance.Count, body.Summary!.Trim(), attendance);
    }
}
