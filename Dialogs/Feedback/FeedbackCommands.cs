using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Feedback;

/// <summary>The feedback feature's commands, declared once: the router, help, the welcome card and the manifest read them.</summary>
public static class FeedbackCommands
{
    public static readonly CommandDeclaration Start = new(
        "feedback.start", CommandGroup.Feedback, ["我要反馈", "暖心", "反馈", "feedback"],
        "向暖心工程反映诉求或建议", "Raise a need or suggestion with the warm-heart project")
    {
        Manifest = new("我要反馈", "向暖心工程反映诉求或建议", CommandScopes.Personal),
        WelcomeButton = ("我要反馈", "Give feedback"),
    };

    public static readonly CommandDeclaration Mine = new(
        "feedback.mine", CommandGroup.Feedback, ["我的反馈", "my feedback"],
        "查看反馈的办理进度", "See how your feedback is being handled")
    {
        Manifest = new("我的反馈", "查看反馈的办理进度", CommandScopes.Personal),
    };

    public static readonly CommandDeclaration List = new(
        "feedback.list", CommandGroup.Feedback, ["反馈列表"],
        "处理暖心工程反馈", "Handle warm-heart project feedback")
    { AdminOnly = true };

    public static readonly CommandDeclaration Export = new(
        "feedback.export", CommandGroup.Feedback, ["导出反馈"],
        "导出全部反馈（CSV）", "Export all feedback (CSV)")
    { AdminOnly = true };

    public static readonly CommandDeclaration Channel = new(
        "feedback.channel", CommandGroup.Feedback, ["设为反馈处理频道"],
        "在频道中发送，新反馈将推送到该频道", "Send in a channel to receive new feedback there")
    {
        AdminOnly = true,
        Manifest = new("设为反馈处理频道", "新的暖心工程反馈推送到本频道（管理员）", CommandScopes.TeamAndGroupChat),
    };

    public static readonly FeatureDeclaration Feature = new("feedback", FeedbackVerbs.Prefix, [Start, Mine, List, Export, Channel])
    {
        ContinueWords = ["继续", "继续反馈", "continue"],
        HasDialogs = true,
    };
}
