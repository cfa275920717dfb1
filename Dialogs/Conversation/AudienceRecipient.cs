using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Conversation;

/// <summary>Someone (or somewhere) an audience's message goes to: a member's 1:1 chat, or a channel or group chat.</summary>
/// <param name="Locale">The language to write to them in: for a member, the chosen one (语言), else the last one written
/// in, else the client's locale ("zh", "en" or a locale such as "en-US"; read it with UiLanguageExtensions.FromLocale).</param>
public sealed record AudienceRecipient(string Id, string? Name, string? AadObjectId, string? TimeZone, string? Locale, bool IsConversation = false)
{
    public DeliveryTarget Target => IsConversation ? new DeliveryTarget.Conversation(Id) : new DeliveryTarget.User(Id);
}
