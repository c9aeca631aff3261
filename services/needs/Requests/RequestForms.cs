using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Needs.Requests;

/// <summary>What filing on the public page and filing for a resident (帮办) share.</summary>
internal static class RequestForms
{
    public static readonly RequestForm Empty = new(null, null, null, null, null, null, null, null, null);

    public static string TrackingPath(string trackingCode) => $"/track/{trackingCode}";

    public static Created<FiledRequest> Filed(ResidentRequest filed) =>
        TypedResults.Created($"/api/requests/track/{filed.TrackingCode}",
            new FiledRequest(filed.Id, filed.TrackingCode, filed.LookupCode, TrackingPath(filed.TrackingCode), ResidentProgress.Received));
}
