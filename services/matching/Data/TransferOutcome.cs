namespace Dispatch.Matching.Data;

internal enum TransferOutcome
{
    /// <summary>The order moved to the asking team.</summary>
    Approved,
    /// <summary>There was no open request of that id (decided meanwhile, or never there).</summary>
    NotOpen,
    /// <summary>The order is no longer claimed by the team asked, or the asking team may no longer take it: the request lapsed.</summary>
    Lapsed,
    /// <summary>The asking team has no free place: nothing changed, the request stays open.</summary>
    TeamFull,
}
