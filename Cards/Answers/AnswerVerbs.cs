namespace OrganBot.Cards.Answers;

/// <summary>Card verbs of the speech Q&amp;A (prefix <c>qa.</c>) and the keys of their data.</summary>
public static class AnswerVerbs
{
    public const string Prefix = "qa.";
    public const string Vote = "qa.vote";
    public const string FollowUp = "qa.followup";
    public const string Part = "qa.part";
    public const string KeyPoints = "qa.points";

    /// <summary>After 👎: what was wrong (答非所问 / 不完整 / 其他).</summary>
    public const string Reason = "qa.reason";

    /// <summary>问答待办 (admins): link a question to a sentence, or confirm the speech does not cover it.</summary>
    public const string Link = "qa.link";
    public const string Dismiss = "qa.dismiss";
    public const string ReasonKey = "reason";
    public const string ItemKey = "item";
    public const string SentenceKey = "sentence";

    public const string AnswerIdKey = "answerId";
    public const string VoteKey = "vote";
    public const string QuestionKey = "question";
    public const string PartKey = "part";

    /// <summary>Optional with <see cref="Part"/>: the point whose requirements start shown.</summary>
    public const string PointKey = "point";

    public const string Up = "up";
    public const string Down = "down";
}
