using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganBot.Bot.Protocol;
using OrganBot.Cards;
using OrganBot.Cards.Model;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Turns;

/// <summary>Translates between wire activities and the Dialogs layer's types.</summary>
internal static partial class ActivityMapper
{
    public static TurnInput ToTurnInput(Activity activity)
    {
        var channelData = TeamsChannelData.From(activity.ChannelData);
        var conversation = new ChatConversation(
            activity.Conversation!.Id!,
            activity.Conversation.ConversationType switch
            {
                "channel" => ConversationKind.Channel,
                "groupChat" => ConversationKind.GroupChat,
                _ => activity.Conversation.IsGroup == true ? ConversationKind.GroupChat : ConversationKind.Personal,
            },
            activity.Conversation.TenantId ?? channelData.TenantId,
            channelData.TeamId,
            channelData.ChannelId,
            channelData.TeamName);
        var user = new ChatUser(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name);
        var locale = activity.Locale ?? ClientInfo(activity, "locale");

        var input = new TurnInput
        {
            Kind = TurnKind.Other,
            User = user,
            Conversation = conversation,
            Language = UiLanguageExtensions.FromLocale(locale),
            Locale = locale,
            BotName = activity.Recipient?.Name,
            ReplyToId = activity.ReplyToId,
            TimeZone = activity.LocalTimezone ?? ClientInfo(activity, "timezone"),
        };

        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is JsonObject submit:
                // Action.Submit (the fallback of our Action.Execute buttons) arrives as a message with value.
                return input with { Kind = TurnKind.CardAction, CardData = submit, Verb = Str(submit[ExecuteAction.VerbKey]) };
            case ActivityTypes.Message:
                return input with { Kind = TurnKind.Message, Text = CleanText(activity) };
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                // value, value.action and its data are the client's: any of them may be a string, an array or missing.
                var action = activity.Value.Member("action");
                var data = action.Member("data") as JsonObject ?? [];
                return input with { Kind = TurnKind.CardAction, IsInvoke = true, CardData = data, Verb = Str(action.Member("verb")) ?? Str(data[ExecuteAction.VerbKey]) };
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                return input with { Kind = TurnKind.BotAdded };
            case ActivityTypes.ConversationUpdate when activity.MembersAdded is { Count: > 0 }:
                return input with { Kind = TurnKind.MembersAdded };
            case ActivityTypes.MessageReaction when activity.ReactionsAdded is { Count: > 0 } reactions:
                return input with { Kind = TurnKind.Reaction, Reaction = reactions[0].Type };
            default:
                return input;
        }
    }

    /// <summary>Builds an outbound activity addressed back into the inbound activity's conversation.</summary>
    public static Activity ToActivity(OutgoingMessage message, Activity inbound) =>
        ToActivity(message, inbound.Recipient, inbound.From, inbound.Conversation, inbound.Locale);

    public static Activity ToActivity(OutgoingMessage message, ChannelAccount? bot, ChannelAccount? user, ConversationAccount? conversation, string? locale)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = bot,
            Recipient = user,
            Conversation = conversation is null ? null : new ConversationAccount { Id = conversation.Id },
            Locale = locale,
            Text = message.Text,
            TextFormat = message.Text is null ? null : "markdown",
            Entities = message.Entities?.Select(e => (JsonObject)e.DeepClone()).ToList(),
        };
        if (message.Card is not null || message.WrittenCard is not null)
        {
            // A written card travels as a JsonValue whose converter copies its bytes into the body unchanged.
            JsonNode content = message.Card ?? (JsonNode)JsonValue.Create(message.WrittenCard!, BotJsonContext.Default.CardJson)!;
            activity.Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = content }];
            // The card is serialized right away by the caller, so it is attached without a copy.
            // A card message's text would show twice in Teams; keep it as the notification summary instead.
            activity.Summary = message.Text;
            activity.Text = null;
            activity.TextFormat = null;
        }

        if (message.Notify)
        {
            activity.ChannelData = new JsonObject { ["notification"] = new JsonObject { ["alert"] = true } };
        }

        return activity;
    }

    /// <summary>Message text without the bot's @mention, HTML line breaks or surrounding whitespace.</summary>
    internal static string CleanText(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (Str(entity["type"]) is { } type && type.Equals("mention", StringComparison.OrdinalIgnoreCase)
                && Str(entity["mentioned"].Member("id")) == activity.Recipient?.Id)
            {
                var mentionText = Str(entity["text"]) is { Length: > 0 } given ? given : $"<at>{activity.Recipient?.Name}</at>";
                text = text.Replace(mentionText, "", StringComparison.Ordinal);
            }
        }

        text = AtTag().Replace(text, "");
        text = HtmlTag().Replace(text, " ");
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    private static string? ClientInfo(Activity activity, string key) =>
        activity.Entities?.FirstOrDefault(e => Str(e["type"]) == "clientInfo") is { } info ? Str(info[key]) : null;

    private static string? Str(JsonNode? node) => node.AsString();

    [GeneratedRegex("<at>[^<]*</at>")]
    private static partial Regex AtTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();
}
