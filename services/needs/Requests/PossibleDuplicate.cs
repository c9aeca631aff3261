namespace Dispatch.Needs.Requests;

/// <summary>Another request this one may repeat, and why: <c>same_phone_and_category</c> or <c>similar_text</c>.</summary>
internal sealed record PossibleDuplicate(Guid RequestId, string Reason, DateTimeOffset FiledAt)
{
    public const string SamePhoneAndCategory = "same_phone_and_category";
    public const string SimilarText = "similar_text";
}
