namespace OrganBot.Dialogs.Knowledge;

/// <summary>Why a question is in 问答待办.</summary>
public static class QaQueueReasons
{
    public const string NotCovered = "未涉及";
    public const string Down = "👎";
    public const string WrongAnswer = "答非所问";
    public const string Incomplete = "不完整";
    public const string Other = "其他";

    /// <summary>What a member may say was wrong after 👎.</summary>
    public static readonly string[] AfterDownVote = [WrongAnswer, Incomplete, Other];
}
