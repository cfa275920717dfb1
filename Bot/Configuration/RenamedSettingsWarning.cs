namespace OrganBot.Bot.Configuration;

/// <summary>Says at start which old setting keys are still in use and what to call them instead.</summary>
internal sealed partial class RenamedSettingsWarning(IEnumerable<RenamedSetting> renamed, IConfiguration configuration, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var setting in renamed.Where(s => configuration.GetSection(s.OldKey).Exists()))
        {
            LogRenamed(logger, setting.OldKey, setting.NewKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "The setting {OldKey} is deprecated and will stop working in the next release; it is read as {NewKey} for now. Please rename it to {NewKey}.")]
    private static partial void LogRenamed(ILogger logger, string oldKey, string newKey);
}
