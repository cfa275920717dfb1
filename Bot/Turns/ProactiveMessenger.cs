using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Turns;

/// <summary>Proactive sends to stored conversation references (docs/protocol.md §3.1).</summary>
internal sealed partial class ProactiveMessenger(BotDbContext db, ConnectorClient connector, ILogger<ProactiveMessenger> logger) : IProactiveMessenger
{
    public async Task<string?> SendToConversationAsync(string conversationId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var conversation = await FindConversationAsync(conversationId, cancellationToken);
        var activity = ActivityMapper.ToActivity(message, Bot(conversation), User(conversation), new ConversationAccount { Id = conversation.Id }, conversation.Locale);
        var response = await connector.SendToConversationAsync(conversation.ServiceUrl, TargetId(conversation), activity, cancellationToken);
        return response.Id;
    }

    public async Task<SentMessage> SendToUserAsync(string userId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var conversationId = await EnsurePersonalConversationAsync(userId, cancellationToken);
        var activityId = await SendToConversationAsync(conversationId, message, cancellationToken);
        return new SentMessage(conversationId, activityId);
    }

    public async Task UpdateAsync(string conversationId, string activityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var conversation = await FindConversationAsync(conversationId, cancellationToken);
        var activity = ActivityMapper.ToActivity(message, Bot(conversation), User(conversation), new ConversationAccount { Id = conversation.Id }, conversation.Locale);
        await connector.UpdateActivityAsync(conversation.ServiceUrl, TargetId(conversation), activityId, activity, cancellationToken);
    }

    public async Task DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var conversation = await FindConversationAsync(conversationId, cancellationToken);
        await connector.DeleteActivityAsync(conversation.ServiceUrl, TargetId(conversation), activityId, cancellationToken);
    }

    /// <summary>Returns the member's 1:1 chat id, opening one with <c>POST /v3/conversations</c> when needed.</summary>
    public async Task<string> EnsurePersonalConversationAsync(string userId, CancellationToken cancellationToken)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == userId, cancellationToken)
            ?? throw new ConnectorException(404, $"Unknown member {userId}.");
        if (member.PersonalConversationId is { } existing) return existing;

        var botId = await db.Conversations.AsNoTracking()
            .Where(c => c.BotId != null && (c.TenantId == member.TenantId || member.TenantId == null))
            .OrderByDescending(c => c.LastSeenAt).Select(c => c.BotId).FirstOrDefaultAsync(cancellationToken);
        var serviceUrl = member.ServiceUrl ?? throw new ConnectorException(404, $"No service URL known for member {userId}.");
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = member.Id }],
            TenantId = member.TenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = member.TenantId } },
        };
        var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        if (string.IsNullOrEmpty(created.Id)) throw new ConnectorException(502, "The connector created a conversation without an id.");

        var now = member.LastSeenAt;
        if (!await db.Conversations.AnyAsync(c => c.Id == created.Id, cancellationToken))
        {
            db.Conversations.Add(new ConversationRecord
            {
                Id = created.Id,
                ServiceUrl = created.ServiceUrl ?? serviceUrl,
                ChannelId = "msteams",
                ConversationType = "personal",
                TenantId = member.TenantId,
                BotId = botId,
                UserId = member.Id,
                FirstSeenAt = now,
                LastSeenAt = now,
            });
        }

        member.PersonalConversationId = created.Id;
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, member.Id);
        return created.Id;
    }

    private async Task<ConversationRecord> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
        ?? throw new ConnectorException(404, $"Unknown conversation {conversationId}.");

    /// <summary>
    /// A channel conversation id seen on an inbound message carries the thread (<c>;messageid=…</c>). Proactive
    /// messages go to the channel itself, so they start a new post instead of landing in that old thread.
    /// </summary>
    internal static string TargetId(ConversationRecord conversation) =>
        conversation.ConversationType == "channel" && conversation.Id.IndexOf(";messageid=", StringComparison.Ordinal) is var at and > 0
            ? conversation.Id[..at]
            : conversation.Id;

    private static ChannelAccount Bot(ConversationRecord conversation) => new() { Id = conversation.BotId, Name = conversation.BotName };

    private static ChannelAccount? User(ConversationRecord conversation) => conversation.UserId is null ? null : new ChannelAccount { Id = conversation.UserId };

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Opened a 1:1 conversation with member {MemberId}")]
    private static partial void LogCreated(ILogger logger, string memberId);
}
