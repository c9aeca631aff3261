namespace Dispatch.Needs.Requests;

/// <summary>
/// The inbox's duplicate flag: another request of the community from the same phone for the same service within the
/// window (14 days by default) either way, or with a very similar description (<see cref="TextSimilarity"/>).
/// </summary>
internal static class Duplicates
{
    public static IReadOnlyList<PossibleDuplicate> Of(ResidentRequest request, IEnumerable<ResidentRequest> others, TimeSpan window)
    {
        if (request.PersonalDataErasedAt is not null)
            return [];
        var found = new List<PossibleDuplicate>();
        foreach (var other in others)
        {
            if (other.Id == request.Id || (other.CreatedAt - request.CreatedAt).Duration() > window)
                continue;
            if (other.PhoneKey is not null && other.PhoneKey == request.PhoneKey && other.Category == request.Category)
                found.Add(new PossibleDuplicate(other.Id, PossibleDuplicate.SamePhoneAndCategory, other.CreatedAt));
            else if (TextSimilarity.AreSimilar(other.Description, request.Description))
                found.Add(new PossibleDuplicate(other.Id, PossibleDuplicate.SimilarText, other.CreatedAt));
        }
        return found.OrderByDescending(d => d.FiledAt).Take(5).ToList();
    }
}
