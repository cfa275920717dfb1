using Microsoft.Extensions.Options;

namespace OrganBot.Dialogs.Conversation;

public sealed class AdminOptions
{
    public const string SectionName = "Admins";

    /// <summary>Entra object ids (aadObjectId) of the people allowed to run admin actions.</summary>
    public List<string> AadObjectIds { get; set; } = [];
}

/// <summary>The one place that decides who is an admin. Identity comes from the authenticated activity, never from card data.</summary>
public sealed class AdminAuthorization(IOptionsMonitor<AdminOptions> options)
{
    public bool IsAdmin(ChatUser user) =>
        !string.IsNullOrEmpty(user.AadObjectId)
        && options.CurrentValue.AadObjectIds.Contains(user.AadObjectId, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> AdminObjectIds => options.CurrentValue.AadObjectIds;
}
