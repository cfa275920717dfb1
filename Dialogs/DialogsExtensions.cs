using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>Registers the router and the admin check. Features register themselves with their own Add* call.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        services.AddSingleton<AdminAuthorization>();
        services.AddScoped<DialogRouter>();
        return services;
    }
}
