namespace OrganBot.Dialogs.Downloads;

/// <summary>
/// Port: a one-time admin download link for one export of one object. The host stores only a hash of the link's
/// token, binds it to the purpose, the object and the admin, and serves the file.
/// </summary>
public interface IDownloadLinks
{
    /// <param name="purpose">Which export (<see cref="DownloadPurposes"/>).</param>
    /// <param name="objectId">Which object of that export (an occurrence key, an announcement id, or <see cref="DownloadPurposes.Everything"/>).</param>
    /// <param name="adminAadObjectId">The admin who asked; the link opens only while they are still an admin.</param>
    Task<DownloadLink> CreateAsync(string purpose, string objectId, string adminAadObjectId, CancellationToken cancellationToken);
}
