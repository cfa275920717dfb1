namespace OrganBot.Dialogs.Downloads;

/// <summary>A one-time download link and how long it stays valid.</summary>
public sealed record DownloadLink(Uri Url, TimeSpan Lifetime)
{
    /// <summary>The lifetime in whole minutes, for the card text (at least 1).</summary>
    public int Minutes => Math.Max(1, (int)Lifetime.TotalMinutes);
}
