using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Engine;

namespace OrganBot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// Registers the router, the admin check and the dialog engine (its store comes from the host). Features register
    /// themselves with their own Add* call.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        services.AddSingleton<AdminAuthorization>();
        services.AddSingleton<CommandCatalog>();
        services.AddScoped<DialogRouter>();
        services.AddOptions<DialogEngineOptions>().BindConfiguration(DialogEngineOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Dialogs:IdleTimeout must be positive.").ValidateOnStart();
        services.AddScoped<DialogEngine>();
        return services;
    }
}
