namespace Dispatch.Matching.Domain;

internal enum OrderAction
{
    Claim,
    Accept,
    Decline,
    Release,
    Start,
    Complete,
    Close,
    Cancel,
    Escalate,
    Expire,
}
