using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// The owner-tag key: 32 random bytes, created once, stored in <c>FeedbackSettings</c> only as Data Protection
/// ciphertext (key ring in Feedback:KeyDirectory, outside the database), so a database-only reader cannot compute
/// or test a tag.
/// </summary>
internal sealed class FeedbackOwnerKeys(BotDbContext db, FeedbackProtector protector, FeedbackOwnerKeyCache cache, TimeProvider time)
{
    internal const string OwnerKeySetting = "owner-hash-key";

    /// <summary>The tag that says "this member submitted ticket <paramref name="number"/>" (different for every ticket).</summary>
    public async Task<string> TagAsync(string userId, string number, CancellationToken cancellationToken) =>
        FeedbackProtector.OwnerTag(await KeyAsync(cancellationToken), userId, number);

    public Task<byte[]> KeyAsync(CancellationToken cancellationToken) => cache.GetAsync(async () =>
    {
        var existing = await ReadAsync(cancellationToken);
        if (existing is null)
        {
            db.Set<FeedbackSettingRecord>().Add(new FeedbackSettingRecord { Key = OwnerKeySetting, Value = protector.NewOwnerKey(), UpdatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first; use theirs.
            }

            db.ChangeTracker.Clear();
            existing = await ReadAsync(cancellationToken) ?? throw new InvalidOperationException("The feedback owner key could not be created.");
        }

        return protector.UnprotectOwnerKey(existing);
    });

    private Task<string?> ReadAsync(CancellationToken cancellationToken) =>
        db.Set<FeedbackSettingRecord>().AsNoTracking().Where(s => s.Key == OwnerKeySetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
}
