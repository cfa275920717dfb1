namespace OrganBot.Bot.Auth;

/// <summary>How the bot's identity is registered in Entra (the SDK's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}

internal static class BotAppTypes
{
    /// <summary>Empty means MultiTenant, as in the SDK; names match ignoring case; numbers are not accepted.</summary>
    public static bool TryParse(string? value, out BotAppType type)
    {
        type = BotAppType.MultiTenant;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var trimmed = value.Trim();
        return !char.IsDigit(trimmed[0]) && !trimmed.StartsWith('-') && Enum.TryParse(trimmed, ignoreCase: true, out type)
            && Enum.IsDefined(type);
    }
}
