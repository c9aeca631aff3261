namespace Dispatch.Needs.Domain;

/// <summary>What the branch does with its own need.</summary>
internal enum NeedAction
{
    Edit,
    Publish,
    Cancel,
    Rate,
}
