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
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Announcements:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddScoped<IAnnouncementStore, EfAnnouncementStore>();
        builder.Services.AddScoped<AnnouncementExport>();
        builder.Services.AddScoped<IAnnouncementExport>(sp => sp.GetRequiredService<AnnouncementExport>());
        builder.Services.AddScoped<AnnouncementService>();
        builder.Services.AddScoped<IFeature, AnnouncementsFeature>();
        builder.Services.AddHostedService<AnnouncementWorker>();
        return builder;
    }

    /// <summary>GET /announcements/{id}/results.csv?token=…: the per-recipient results behind the 导出发送结果 link.</summary>
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app)
    {
        app.MapGet("/announcements/{id:long}/results.csv", async (long id, string? token, AnnouncementExport export, CancellationToken cancellationToken) =>
            await export.BuildCsvAsync(id, token, cancellationToken) is { } csv
                ? Results.File(csv, "text/csv; charset=utf-8", $"announcement-{id}-results.csv")
                : Results.NotFound());
        return app;
    }
}
