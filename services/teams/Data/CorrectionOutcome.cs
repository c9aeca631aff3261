using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>What became of a correction: saved as a new record, the record to correct not found, or already corrected by another.</summary>
internal sealed record CorrectionOutcome(ServiceRecord? Saved, Guid? AlreadyCorrectedBy = null)
{
    public static readonly CorrectionOutcome NotFound = new(Saved: null);
}
