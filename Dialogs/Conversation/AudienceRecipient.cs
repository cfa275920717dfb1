using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Conversation;

/// <summary>Someone (or somewhere) an audience's message goes to: a member's 1:1 chat, or a channel or group chat.</summary>
public sealed record AudienceRecipient(string Id, string? Name, string? AadObjectId, string? TimeZone, string? Locale, bool IsConversation = false)
{
    public DeliveryTarget Target => IsConversation ? new DeliveryTarget.Conversation(Id) : new DeliveryTarget.User(Id);
}
