namespace OrganBot.Dialogs.Knowledge;

public enum AnswerKind
{
    /// <summary>The best sentences of one passage, verbatim.</summary>
    Passage,

    /// <summary>An enumeration answered from the structure (the five parts, the points of a part).</summary>
    List,

    /// <summary>The speech does not address the question (讲话未涉及).</summary>
    NotCovered,
}
