namespace OrganBot.Bot.Downloads;

/// <summary><c>Bot:PublicBaseUrl</c>: the address in every link the bot hands out.</summary>
public sealed class PublicAddressOptions
{
    public const string SectionName = "Bot";
    public const string Key = "Bot:PublicBaseUrl";

    /// <summary>Keys that held the address before <see cref="Key"/>; still read for one release, with a warning.</summary>
    public static readonly string[] DeprecatedKeys = ["Feedback:PublicBaseUrl", "Announcements:PublicBaseUrl"];

    /// <summary>
    /// The https address people reach the bot at (e.g. https://organbot.example.gov.cn). Empty in dev mode: the
    /// address Kestrel actually listens on (so <c>--urls</c> and <c>ASPNETCORE_URLS</c> are reflected).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Set when <see cref="PublicBaseUrl"/> came from one of <see cref="DeprecatedKeys"/>; logged at start.</summary>
    internal string? DeprecatedKeyUsed { get; set; }
}
