using OrganBot.Bot.Downloads;
using OrganBot.Dialogs.Feedback;

namespace OrganBot.Bot.Feedback;

internal static class FeedbackExtensions
{
    /// <summary>暖心工程 feedback: the feature, its store, protector, owner tags and CSV export.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFeedbackFeature();
        builder.Services.AddSingleton<FeedbackProtector>();
        builder.Services.AddSingleton<Delivery.IProtectedTargetResolver>(sp => sp.GetRequiredService<FeedbackProtector>());
        builder.Services.AddSingleton<FeedbackOwnerKeyCache>();
        builder.Services.AddScoped<FeedbackOwnerKeys>();
        builder.Services.AddScoped<FeedbackAdminRouting>();
        builder.Services.AddScoped<EfFeedbackStore>();
        builder.Services.AddScoped<IFeedbackStore>(sp => sp.GetRequiredService<EfFeedbackStore>());
        builder.Services.AddScoped<IDownloadSource, FeedbackCsvExporter>();
        builder.Services.AddHostedService<FeedbackOwnerTagUpgrade>();
        return builder;
    }
}
