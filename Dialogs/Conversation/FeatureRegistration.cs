using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrganBot.Dialogs.Conversation;

public static class FeatureRegistration
{
    /// <summary>
    /// Registers a feature under its declaration: the declaration as a singleton (the router and the command catalog
    /// read it), the feature as a scoped service keyed by the declaration's name, resolved only by a turn that needs it.
    /// Features register in the order the router tries their verb prefixes.
    /// </summary>
    public static IServiceCollection AddFeature<TFeature>(this IServiceCollection services, FeatureDeclaration declaration)
        where TFeature : class, IFeature
    {
        services.AddSingleton(declaration);
        services.TryAddScoped<TFeature>();
        services.AddKeyedScoped<IFeature>(declaration.Name, (sp, _) => sp.GetRequiredService<TFeature>());
        return services;
    }
}
