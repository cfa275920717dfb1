namespace OrganBot.Cards.Answers;

/// <summary>Card verbs of the speech Q&amp;A (prefix <c>qa.</c>) and the keys of their data.</summary>
public static class AnswerVerbs
{
    public const string Prefix = "qa.";
    public const string Vote = "qa.vote";
    public const string FollowUp = "qa.followup";
    public const string Part = "qa.part";
    public const string KeyPoints = "qa.points";

    public const string AnswerIdKey = "answerId";
    public const string VoteKey = "vote";
    public const string QuestionKey = "question";
    public const string PartKey = "part";

    public const string Up = "up";
    public const string Down = "down";
}
