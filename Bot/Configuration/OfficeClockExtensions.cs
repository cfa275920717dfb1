using Microsoft.Extensions.DependencyInjection.Extensions;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Configuration;

internal static class OfficeClockExtensions
{
    /// <summary>
    /// The office's time zone, <c>Bot:TimeZone</c> (default Asia/Shanghai), as <see cref="OfficeClock"/>. The old keys
    /// <c>Reminders:DefaultTimeZone</c> and <c>Announcements:TimeZone</c> are still read for one release, with a warning.
    /// </summary>
    public static IHostApplicationBuilder AddOfficeClock(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName)
            .AcceptRenamedSetting("Announcements:TimeZone", "Bot:TimeZone", UseUnlessSet)
            .AcceptRenamedSetting("Reminders:DefaultTimeZone", "Bot:TimeZone", UseUnlessSet)
            .Validate(o => TimeZones.Find(o.TimeZone) is not null, "Bot:TimeZone must be a known IANA time zone such as Asia/Shanghai.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OfficeClock>();
        return builder;
    }

    private static void UseUnlessSet(OfficeOptions options, IConfigurationSection old, IConfigurationSection current)
    {
        if (current.Value is null && old.Value is { Length: > 0 } zone) options.TimeZone = zone;
    }
}
