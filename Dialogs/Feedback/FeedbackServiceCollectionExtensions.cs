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
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "Feedback:PublicBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.ExportLinkLifetime > TimeSpan.Zero, "Feedback:ExportLinkLifetime must be positive.")
            .ValidateOnStart();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<FeedbackFeature>();
        services.AddScoped<IFeature>(sp => sp.GetRequiredService<FeedbackFeature>());
        return services;
    }
}
