using OrganBot.Dialogs.Feedback;

namespace OrganBot.Bot.Feedback;

internal static class FeedbackExtensions
{
    /// <summary>暖心工程 feedback: the feature, its store, protector and CSV export.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFeedbackDialogs();
        builder.Services.AddSingleton<FeedbackProtector>();
        builder.Services.AddSingleton<FeedbackOwnerKeyCache>();
        builder.Services.AddScoped<EfFeedbackStore>();
        builder.Services.AddScoped<IFeedbackStore>(sp => sp.GetRequiredService<EfFeedbackStore>());
        builder.Services.AddScoped<FeedbackCsvExporter>();
        return builder;
    }
}
