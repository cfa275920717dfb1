using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The feedback feature (the dialog engine comes from AddDialogs). Stores are registered by the host.</summary>
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyDirectory), "Feedback:KeyDirectory must name a folder.")
            .ValidateOnStart();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<MemberFeedbackFlow>();
        services.AddScoped<FeedbackRating>();
        services.AddScoped<FeedbackTriage>();
        services.AddScoped<FeedbackAdminActions>();
        services.AddFeature<FeedbackFeature>(FeedbackCommands.Feature);
        return services;
    }
}
