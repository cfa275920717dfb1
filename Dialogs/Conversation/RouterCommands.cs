namespace OrganBot.Dialogs.Conversation;

/// <summary>The commands the router answers itself, before any feature: 帮助, 取消 and 管理.</summary>
public static class RouterCommands
{
    public static readonly CommandDeclaration Help = new(
        "help", CommandGroup.General, ["帮助", "help", "?", "？", "菜单", "menu", "你好", "您好", "hi", "hello", "开始", "start"],
        "查看我能做什么", "See what I can do")
    {
        Manifest = new("帮助", "查看我能做什么", CommandScopes.Everywhere),
    };

    public static readonly CommandDeclaration Cancel = new(
        "cancel", CommandGroup.General, ["取消", "cancel", "退出", "quit"],
        "取消正在进行的操作", "Cancel what is in progress")
    {
        Manifest = new("取消", "取消正在进行的操作", CommandScopes.Personal),
    };

    public static readonly CommandDeclaration Admin = new(
        "admin", CommandGroup.General, ["管理", "admin"],
        "管理员命令一览", "List the admin commands")
    {
        AdminOnly = true,
        Manifest = new("管理", "管理员命令一览", CommandScopes.Personal),
        WelcomeButton = ("管理功能", "Admin"),
    };

    public static IReadOnlyList<CommandDeclaration> All { get; } = [Help, Cancel, Admin];
}
