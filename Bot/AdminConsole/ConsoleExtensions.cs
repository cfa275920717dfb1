using OrganBot.Bot.Auth;
using OrganBot.Dialogs.AdminConsole;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.AdminConsole;

internal static class ConsoleExtensions
{
    /// <summary>Both console cookies (session and antiforgery) start with this.</summary>
    public const string CookieName = "organbot-console";

    /// <summary>
    /// 管理后台: the web console (Teams SSO or a sign-in link and a cookie session, antiforgery on every POST), its page
    /// queries over the features' own services, and the 管理后台 command that hands out the link (docs/console.md).
    /// </summary>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName)
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.SessionLifetime <= TimeSpan.FromDays(7), "Console:SessionLifetime must be positive and at most 7 days.")
            .Validate(o => o.SsoResource.Length == 0 || Uri.TryCreate(o.SsoResource, UriKind.Absolute, out _), "Console:SsoResource must be an absolute URI such as api://organbot.example.gov.cn/<MicrosoftAppId>.")
            .ValidateOnStart();
        var devMode = (builder.Configuration.Get<BotAuthOptions>() ?? new BotAuthOptions()).IsDevMode;
        var lifetime = builder.Configuration.GetValue<TimeSpan?>(ConsoleOptions.SectionName + ":" + nameof(ConsoleOptions.SessionLifetime)) ?? new ConsoleOptions().SessionLifetime;
        // Secure cookies outside dev mode (the bot is reached over https there); dev mode runs on http://localhost.
        var secure = devMode ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        // The only scheme would otherwise become the default, and every request (each turn on /api/messages among them)
        // would have the cookie handler built and run; MapConsole reads the session on /console requests only.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication().AddCookie(ConsoleAccess.CookieScheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = "/console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = lifetime;
            cookie.SlidingExpiration = true;
            // The console answers 401/403 itself; never redirect an API call to a login page.
            cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = CookieName + "-csrf";
            antiforgery.Cookie.Path = "/console";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.HeaderName = "X-Console-Csrf";
            antiforgery.FormFieldName = "csrf";
        });
        builder.Services.AddSingleton<ConsoleSsoValidator>();
        builder.Services.AddScoped<ConsoleAccess>();
        builder.Services.AddScoped<AttendanceQuery>();
        builder.Services.AddScoped<FeedbackQuery>();
        builder.Services.AddScoped<AnnouncementQuery>();
        builder.Services.AddScoped<QaQuery>();
        builder.Services.AddScoped<OverviewQuery>();
        builder.Services.AddFeature<ConsoleFeature>(ConsoleCommands.Feature);
        return builder;
    }
}
