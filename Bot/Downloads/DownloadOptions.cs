namespace OrganBot.Bot.Downloads;

/// <summary><c>Downloads:*</c>: the admins' one-time export links.</summary>
public sealed class DownloadOptions
{
    public const string SectionName = "Downloads";

    /// <summary>How long a download link stays valid; each link works once.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The key <see cref="LinkLifetime"/> had before; still read for one release, with a warning.</summary>
    public const string DeprecatedLifetimeKey = "Feedback:ExportLinkLifetime";

    /// <summary>Set when <see cref="LinkLifetime"/> came from <see cref="DeprecatedLifetimeKey"/>; logged at start.</summary>
    internal bool FromDeprecatedKey { get; set; }
}
