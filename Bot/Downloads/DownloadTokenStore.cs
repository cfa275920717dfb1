using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Downloads;

/// <summary>
/// The one token store for every admin download: 256-bit random tokens, only their SHA-256 in the database, each
/// bound to purpose, object and admin, valid until its expiry, used at most once.
/// </summary>
internal sealed class DownloadTokenStore(BotDbContext db, TimeProvider time)
{
    // Spent and expired rows are kept a day for the log trail, then removed when the next link is made.
    private static readonly TimeSpan s_retention = TimeSpan.FromDays(1);

    private DbSet<DownloadTokenRecord> Tokens => db.Set<DownloadTokenRecord>();

    /// <summary>A new token (base64url, 43 characters); the caller puts it in the link and never stores it.</summary>
    public async Task<string> CreateAsync(string purpose, string objectId, string adminAadObjectId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - s_retention;
        await Tokens.Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);

        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        Tokens.Add(new DownloadTokenRecord
        {
            TokenHash = Hash(token),
            Purpose = purpose,
            ObjectId = objectId,
            AdminAadObjectId = adminAadObjectId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return token;
    }

    public Task<DownloadTokenRecord?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        return Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>Marks the token used if it is still unused and unexpired; false when another request got there first.</summary>
    public async Task<bool> TryUseAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow();
        return await Tokens.Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// The one check of a link, for downloads and console sign-ins: issued for this purpose and object (a refusal does
    /// not spend it), unused, unexpired, its admin still an admin now; then spent atomically.
    /// </summary>
    public async Task<LinkRedemption> RedeemAsync(string token, string purpose, string objectId, Func<string, bool> isAdmin, CancellationToken cancellationToken)
    {
        var row = await FindAsync(token, cancellationToken);
        if (row is null) return new(LinkCheck.Unknown);
        if (row.Purpose != purpose || row.ObjectId != objectId) return new(LinkCheck.OtherObject);
        if (row.UsedAt is not null) return new(LinkCheck.Used);
        if (row.ExpiresAt <= time.GetUtcNow()) return new(LinkCheck.Expired);
        if (!isAdmin(row.AdminAadObjectId)) return new(LinkCheck.NotAdmin);
        if (!await TryUseAsync(token, cancellationToken)) return new(LinkCheck.Raced);
        return new(LinkCheck.Accepted, row.AdminAadObjectId);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
