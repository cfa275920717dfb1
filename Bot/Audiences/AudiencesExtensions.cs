using OrganBot.Bot.Configuration;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Audiences;

internal static class AudiencesExtensions
{
    /// <summary>
    /// Audiences for reminders and announcements: <c>Audiences:Groups</c> and the one resolver. The old keys
    /// <c>Reminders:Groups</c> and <c>Announcements:Groups</c> are still read for one release, with a warning at start.
    /// </summary>
    public static IHostApplicationBuilder AddAudiences(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AudienceOptions>().BindConfiguration(AudienceOptions.SectionName)
            .AcceptRenamedSetting("Reminders:Groups", "Audiences:Groups", AddMissingGroups)
            .AcceptRenamedSetting("Announcements:Groups", "Audiences:Groups", AddMissingGroups)
            .Validate(o => o.Groups.Keys.All(name => name.Trim().Length > 0), "Audiences:Groups: every group needs a name.")
            .ValidateOnStart();
        builder.Services.AddScoped<IAudienceDirectory, AudienceDirectory>();
        return builder;
    }

    /// <summary>A group under an old key counts unless Audiences:Groups has one of the same name.</summary>
    private static void AddMissingGroups(AudienceOptions options, IConfigurationSection old, IConfigurationSection current)
    {
        foreach (var group in old.GetChildren().Where(g => !options.Groups.ContainsKey(g.Key)))
        {
            options.Groups[group.Key] = group.Get<List<string>>() ?? [];
        }
    }
}
