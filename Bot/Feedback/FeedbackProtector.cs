using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Feedback;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// Protects the member behind a ticket. The reply address is the member's user id encrypted with ASP.NET Data
/// Protection (key ring in <see cref="FeedbackOptions.KeyDirectory"/>, outside the database); the owner tag is an
/// HMAC-SHA256 of the ticket number and the user id, whose key is itself stored Data-Protection-encrypted. Both are
/// different on every ticket, so the database alone links no ticket to a member or to the member's other tickets.
/// Neither can be read back through any admin surface.
/// </summary>
internal sealed class FeedbackProtector(IOptions<FeedbackOptions> options, IHostEnvironment environment) : Delivery.IProtectedTargetResolver
{
    private const string ReplyPurpose = "OrganBot.Feedback.ReplyAddress.v1";
    private const string OwnerKeyPurpose = "OrganBot.Feedback.OwnerHashKey.v1";

    private readonly Lazy<IDataProtectionProvider> _provider = new(() =>
    {
        var directory = Path.IsPathRooted(options.Value.KeyDirectory)
            ? options.Value.KeyDirectory
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.KeyDirectory));
        Directory.CreateDirectory(directory);
        return DataProtectionProvider.Create(new DirectoryInfo(directory), builder => builder.SetApplicationName("OrganBot"));
    });

    public string ProtectReplyAddress(string userId) => _provider.Value.CreateProtector(ReplyPurpose).Protect(userId);

    public string? UnprotectReplyAddress(string protectedUserId)
    {
        try
        {
            return _provider.Value.CreateProtector(ReplyPurpose).Unprotect(protectedUserId);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Notices to a ticket's member are queued under the reply address and unprotected only when sent.</summary>
    string? Delivery.IProtectedTargetResolver.Resolve(string protectedUserId) => UnprotectReplyAddress(protectedUserId);

    public string NewOwnerKey() => _provider.Value.CreateProtector(OwnerKeyPurpose).Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Per-ticket owner tag. The number is part of the MAC input, so one member's tickets share no value.</summary>
    public static string OwnerTag(byte[] key, string userId, string ticketNumber) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("ticket\n" + ticketNumber + "\n" + userId)));

    /// <summary>The owner hash of tickets created before per-ticket tags (one value per member); only used to upgrade them.</summary>
    public static string LegacyOwnerHash(byte[] key, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId)));

    public byte[] UnprotectOwnerKey(string protectedKey) =>
        Convert.FromBase64String(_provider.Value.CreateProtector(OwnerKeyPurpose).Unprotect(protectedKey));
}
