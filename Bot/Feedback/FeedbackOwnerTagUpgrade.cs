using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// Once, at start after the migrations: tickets from before per-ticket owner tags carry one hash per member, which
/// linked a member's anonymous and named tickets. Each is replaced by its per-ticket tag (the member is recovered
/// from the protected reply address, which needs the key ring), then a setting records that it is done.
/// </summary>
internal sealed partial class FeedbackOwnerTagUpgrade(IServiceScopeFactory scopes, TimeProvider time, ILogger<FeedbackOwnerTagUpgrade> logger) : IHostedService
{
    internal const string DoneSetting = "owner-tags-per-ticket";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var settings = db.Set<FeedbackSettingRecord>();
        if (await settings.AnyAsync(s => s.Key == DoneSetting, cancellationToken)) return;

        var tickets = db.Set<FeedbackTicketRecord>();
        var upgraded = 0;
        if (await tickets.AnyAsync(cancellationToken))
        {
            var protector = scope.ServiceProvider.GetRequiredService<FeedbackProtector>();
            var key = await scope.ServiceProvider.GetRequiredService<FeedbackOwnerKeys>().KeyAsync(cancellationToken);
            foreach (var ticket in await tickets.ToListAsync(cancellationToken))
            {
                if (protector.UnprotectReplyAddress(ticket.ReplyAddress) is not { } userId) continue;
                if (ticket.OwnerHash != FeedbackProtector.LegacyOwnerHash(key, userId)) continue;
                ticket.OwnerHash = FeedbackProtector.OwnerTag(key, userId, ticket.Number);
                upgraded++;
            }
        }

        settings.Add(new FeedbackSettingRecord { Key = DoneSetting, Value = "1", UpdatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance upgraded at the same time; its result is the same.
            return;
        }

        if (upgraded > 0) LogUpgraded(logger, upgraded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Replaced the owner hash of {Count} older feedback tickets by per-ticket tags")]
    private static partial void LogUpgraded(ILogger logger, int count);
}
