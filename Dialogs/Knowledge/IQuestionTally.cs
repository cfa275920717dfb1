namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// How many questions members asked, per month (office time) and per part of the speech the answer came from, refusals
/// (讲话未涉及) included: what 问答统计 and the console call the most asked topics. Counting must not slow a turn.
/// </summary>
public interface IQuestionTally
{
    /// <summary>No part: the answer was 讲话未涉及.</summary>
    public const int NotCovered = -1;

    /// <summary>Answered from the speech as a whole (the list of its parts), not from one part.</summary>
    public const int Whole = -2;

    /// <summary>Counts one question answered from <paramref name="part"/> (<see cref="SpeechSentence.Part"/>), <see cref="Whole"/> or <see cref="NotCovered"/>.</summary>
    void Count(int part, DateTimeOffset at);

    /// <summary>Every count so far, one row per month and part (stored and not yet stored alike).</summary>
    Task<IReadOnlyList<QuestionCount>> GetAsync(CancellationToken cancellationToken);
}
