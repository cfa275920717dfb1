namespace OrganBot.Bot.Downloads;

/// <summary>
/// A one-time download link. Only the SHA-256 of the link's token is stored, so a database reader cannot open a link.
/// The row binds the link to one export (<see cref="Purpose"/>), one object of it and the admin who asked.
/// </summary>
public sealed class DownloadTokenRecord
{
    public required string TokenHash { get; set; }
    public required string Purpose { get; set; }
    public required string ObjectId { get; set; }
    public required string AdminAadObjectId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
