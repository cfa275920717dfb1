namespace OrganBot.Bot.AdminConsole;

/// <summary><c>Console:*</c>: the 管理后台 web console (docs/console.md).</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>
    /// The Entra tenant whose Teams SSO tokens the console accepts; empty: <c>MicrosoftAppTenantId</c>. With neither,
    /// Teams SSO is off and admins sign in with a 管理后台 link.
    /// </summary>
    public string SsoTenantId { get; set; } = "";

    /// <summary>
    /// The SSO token's audience, the manifest's <c>webApplicationInfo.resource</c>; empty: <c>api://{host of
    /// Bot:PublicBaseUrl}/{MicrosoftAppId}</c>. The bare MicrosoftAppId (v2 tokens) is accepted as well.
    /// </summary>
    public string SsoResource { get; set; } = "";

    /// <summary>How long a browser session started by a sign-in link lasts (sliding: each request extends it).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
