namespace OrganBot.Dialogs.Knowledge;

/// <summary>State of a question in 问答待办.</summary>
public enum QaQueueStatus
{
    /// <summary>Waiting for an admin.</summary>
    Open,

    /// <summary>An admin linked it to sentences of the speech: it is now an alternate phrasing of them.</summary>
    Linked,

    /// <summary>An admin confirmed the speech does not address it.</summary>
    NotCovered,
}
