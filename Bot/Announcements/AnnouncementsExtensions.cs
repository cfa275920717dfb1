using OrganBot.Bot.Downloads;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Announcements;

internal static class AnnouncementsExtensions
{
    /// <summary>Admin announcements (<c>Announcements:*</c>): the feature, its storage, audience expansion, progress and export.</summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnnouncementOptions>().BindConfiguration(AnnouncementOptions.SectionName)
            .Validate(o => o.ProgressInterval > TimeSpan.Zero, "Announcements:ProgressInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<IAnnouncementStore, EfAnnouncementStore>();
        builder.Services.AddScoped<IDownloadSource, AnnouncementExport>();
        builder.Services.AddScoped<AnnouncementService>();
        builder.Services.AddScoped<AnnouncementSending>();
        builder.Services.AddScoped<AnnouncementCorrections>();
        builder.Services.AddScoped<AnnouncementDrafting>();
        builder.Services.AddFeature<AnnouncementsFeature>(AnnouncementCommands.Feature);
        builder.Services.AddHostedService<AnnouncementWorker>();
        return builder;
    }
}
