using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Announcements;

/// <summary>The announcement feature's commands, declared once: the router, help, the welcome card and the manifest read them.</summary>
public static class AnnouncementCommands
{
    public static readonly CommandDeclaration Compose = new(
        "announce.compose", CommandGroup.Announcements, ["发布公告", "announce"],
        "撰写、预览并发送公告", "Compose, preview and send an announcement")
    {
        AdminOnly = true,
        Manifest = new("发布公告", "撰写并发布通知公告（管理员）", CommandScopes.Everywhere),
    };

    public static readonly CommandDeclaration List = new(
        "announce.list", CommandGroup.Announcements, ["公告列表", "announcements"],
        "查看最近的公告及发送情况", "See recent announcements and how they went out")
    { AdminOnly = true };

    public static readonly CommandDeclaration Export = new(
        "announce.export", CommandGroup.Announcements, ["导出发送结果"],
        "导出最近一条公告的逐人发送结果（CSV）", "Export the latest announcement's per-recipient results (CSV)")
    { AdminOnly = true };

    public static readonly FeatureDeclaration Feature = new("announcements", "announce.", [Compose, List, Export]);
}
