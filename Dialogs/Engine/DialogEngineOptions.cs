namespace OrganBot.Dialogs.Engine;

public sealed class DialogEngineOptions
{
    public const string SectionName = "Dialogs";

    /// <summary>A dialog untouched for this long is forgotten; the next card press or message starts afresh.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
