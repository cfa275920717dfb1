namespace OrganBot.Bot.Downloads;

/// <summary>One export behind the download endpoint (feedback CSV, 台账, announcement results), registered per purpose.</summary>
internal interface IDownloadSource
{
    /// <summary>The <see cref="Dialogs.Downloads.DownloadPurposes"/> value this source serves.</summary>
    string Purpose { get; }

    /// <summary>The file for <paramref name="objectId"/>, or null when that object does not exist (404).</summary>
    Task<DownloadFile?> BuildAsync(string objectId, CancellationToken cancellationToken);
}
