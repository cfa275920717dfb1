namespace OrganBot.Bot.Auth;

/// <summary>Says loudly at start that the bot runs without credentials.</summary>
internal sealed class DevModeWarning(ILogger<DevModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        AuthLog.DevModeOn(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
