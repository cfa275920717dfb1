using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The feedback feature (the dialog engine comes from AddDialogs). Stores are registered by the host.</summary>
    public static IServiceCollection AddFeedbackDialogs(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyDirectory), "Feedback:KeyDirectory must name a folder.")
            .ValidateOnStart();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<MemberFeedbackFlow>();
        services.AddScoped<FeedbackRating>();
        services.AddScoped<TicketTriage>();
        services.AddScoped<FeedbackTriage>();
        services.AddScoped<FeedbackAdminActions>();
        services.AddScoped<FeedbackFeature>();
        services.AddScoped<IFeature>(sp => sp.GetRequiredService<FeedbackFeature>());
        return services;
    }
}
