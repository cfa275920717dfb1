using OrganBot.Cards.Answers;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>The Q&amp;A feature's commands, declared once: the router, help, the welcome card and the manifest read them.</summary>
public static class KnowledgeCommands
{
    public static readonly CommandDeclaration KeyPoints = new(
        "qa.keypoints", CommandGroup.Knowledge, ["讲话要点", "要点", "key points", "keypoints"],
        "讲话提出的主要要求，按部分浏览", "The speech's main requirements, part by part")
    {
        Manifest = new("讲话要点", "讲话提出的主要要求", CommandScopes.Everywhere),
        WelcomeButton = ("讲话要点", "Key points"),
    };

    public static readonly CommandDeclaration Stats = new(
        "qa.stats", CommandGroup.Knowledge, ["问答统计", "qa stats", "q&a stats"],
        "查看问答点赞情况", "See how answers were rated")
    { AdminOnly = true };

    public static readonly CommandDeclaration Queue = new(
        "qa.queue", CommandGroup.Knowledge, [QaQueueCard.Command, "qa to-do", "q&a to-do"],
        "处理没有答上或被点踩的问题", "Handle questions that were missed or rated down")
    { AdminOnly = true };

    public static readonly FeatureDeclaration Feature = new("knowledge", AnswerVerbs.Prefix, [KeyPoints, Stats, Queue]);
}
