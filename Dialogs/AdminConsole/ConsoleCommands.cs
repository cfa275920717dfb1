using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.AdminConsole;

/// <summary>The console's command, declared once: the router, help, the 管理 card and the manifest read it.</summary>
public static class ConsoleCommands
{
    public static readonly CommandDeclaration SignIn = new(
        "console.signin", CommandGroup.General, ["管理后台", "admin console"],
        "管理后台（统计图表）登录链接", "A sign-in link to the admin console with charts")
    {
        AdminOnly = true,
        Manifest = new("管理后台", "管理后台（统计图表）登录链接（管理员）", CommandScopes.Personal),
    };

    public static readonly FeatureDeclaration Feature = new("console", "console.", [SignIn]);
}
