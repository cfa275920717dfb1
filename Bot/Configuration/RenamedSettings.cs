using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Configuration;

/// <summary>A setting whose key changed; the old key still works for one release (see <see cref="RenamedSettingsExtensions"/>).</summary>
internal sealed record RenamedSetting(string OldKey, string NewKey);

internal static class RenamedSettingsExtensions
{
    /// <summary>
    /// Keeps <paramref name="oldKey"/> working for one release: when it is set, <paramref name="apply"/> copies it into the
    /// options (after the new key is bound, so it can leave alone what the new key says), and a warning at start says to
    /// rename it.
    /// </summary>
    /// <param name="apply">Gets the options, the old section and the new one.</param>
    public static OptionsBuilder<T> AcceptRenamedSetting<T>(this OptionsBuilder<T> options, string oldKey, string newKey, Action<T, IConfigurationSection, IConfigurationSection> apply)
        where T : class
    {
        options.Services.AddSingleton(new RenamedSetting(oldKey, newKey));
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RenamedSettingsWarning>());
        return options.Configure<IConfiguration>((value, configuration) =>
        {
            var old = configuration.GetSection(oldKey);
            if (old.Exists()) apply(value, old, configuration.GetSection(newKey));
        });
    }
}
