namespace Dispatch.Matching.Domain;

internal enum OrderAction
{
    Claim,
    Accept,
    Decline,
    Direct,
    Release,
    Start,
    Complete,
    Close,
    Cancel,
    Escalate,
    Expire,
    Reassign,
    AutoRelease,
    Transfer,
}
