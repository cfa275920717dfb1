using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Engine;

namespace OrganBot.Dialogs.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The dialog engine (once) and the feedback feature. Stores are registered by the host.</summary>
    public static IServiceCollection AddFeedbackDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogEngineOptions>().BindConfiguration(DialogEngineOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Dialogs:IdleTimeout must be positive.").ValidateOnStart();
        services.TryAddScoped<DialogEngine>();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyDirectory), "Feedback:KeyDirectory must name a folder.")
            .ValidateOnStart();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<FeedbackFeature>();
        services.AddScoped<IFeature>(sp => sp.GetRequiredService<FeedbackFeature>());
        return services;
    }
}
