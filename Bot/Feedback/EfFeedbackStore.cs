using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Engine;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Feedback;

/// <summary>EF Core implementation of <see cref="IFeedbackStore"/> for SQLite and PostgreSQL.</summary>
internal sealed class EfFeedbackStore(BotDbContext db, FeedbackProtector protector, FeedbackOwnerKeyCache ownerKeys, OfficeClock office, TimeProvider time) : IFeedbackStore
{
    internal const string AdminChannelKey = "admin-channel";
    internal const string OwnerKeySetting = "owner-hash-key";

    private DbSet<FeedbackTicketRecord> Tickets => db.Set<FeedbackTicketRecord>();

    public async Task<FeedbackTicket?> CreateTicketAsync(NewFeedback feedback, DialogState claimedDialog, CancellationToken cancellationToken)
    {
        var ownerHash = await OwnerHashAsync(feedback.MemberUserId, cancellationToken);
        var replyAddress = protector.ProtectReplyAddress(feedback.MemberUserId);
        var now = time.GetUtcNow();
        var year = office.ToOffice(now).Year;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = claimedDialog.Key;
        var claimed = await db.Set<DialogStateRecord>()
            .Where(r => r.UserId == key.UserId && r.ConversationId == key.ConversationId && r.DialogName == key.DialogName && r.CardInstanceId == claimedDialog.CardInstanceId)
            .ExecuteDeleteAsync(cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "FeedbackCounters" ("Year", "Last") VALUES ({year}, 0) ON CONFLICT ("Year") DO NOTHING""", cancellationToken);
        var sequence = (await db.Database.SqlQuery<int>(
            $"""UPDATE "FeedbackCounters" SET "Last" = "Last" + 1 WHERE "Year" = {year} RETURNING "Last" AS "Value" """).ToListAsync(cancellationToken))[0];

        var ticket = new FeedbackTicketRecord
        {
            Number = $"NX-{year}-{sequence:D4}",
            Year = year,
            Sequence = sequence,
            Category = feedback.Category.Code(),
            Content = feedback.Content,
            IsAnonymous = feedback.IsAnonymous,
            MemberName = feedback.IsAnonymous ? null : feedback.MemberName,
            MemberAadObjectId = feedback.IsAnonymous ? null : feedback.MemberAadObjectId,
            OwnerHash = ownerHash,
            ReplyAddress = replyAddress,
            Contact = (feedback.IsAnonymous ? ContactPreference.BotOnly : feedback.Contact).Code(),
            ContactDetail = feedback.IsAnonymous ? null : feedback.ContactDetail,
            Status = FeedbackStatus.New.Code(),
            Language = feedback.Language,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        db.Set<FeedbackHistoryRecord>().Add(new FeedbackHistoryRecord
        {
            TicketId = ticket.Id,
            At = now,
            Actor = MemberActor(ticket),
            Action = "created",
            Detail = feedback.Category.Label(UiLanguage.Chinese),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return ToView(ticket, Array.Empty<FeedbackReply>().ToLookup(r => 0L));
    }

    public async Task<FeedbackTicket?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var ticket = await Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
        return ticket is null ? null : ToView(ticket, await RepliesAsync([ticket.Id], cancellationToken));
    }

    public async Task<FeedbackTicket?> FindForMemberAsync(string number, string memberUserId, CancellationToken cancellationToken)
    {
        var hash = await OwnerHashAsync(memberUserId, cancellationToken);
        var ticket = await Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number && t.OwnerHash == hash, cancellationToken);
        return ticket is null ? null : ToView(ticket, await RepliesAsync([ticket.Id], cancellationToken));
    }

    public async Task<IReadOnlyList<FeedbackTicket>> ListForMemberAsync(string memberUserId, int take, CancellationToken cancellationToken)
    {
        var hash = await OwnerHashAsync(memberUserId, cancellationToken);
        return await ViewsAsync(Tickets.AsNoTracking().Where(t => t.OwnerHash == hash).OrderByDescending(t => t.Id).Take(take), cancellationToken);
    }

    public Task<IReadOnlyList<FeedbackTicket>> ListAsync(TicketFilter filter, CancellationToken cancellationToken)
    {
        var query = Tickets.AsNoTracking();
        var resolved = FeedbackStatus.Resolved.Code();
        if (filter.Status is { } status)
        {
            var code = status.Code();
            query = query.Where(t => t.Status == code);
        }
        else if (filter.OpenOnly)
        {
            query = query.Where(t => t.Status != resolved);
        }

        if (filter.Category is { } category)
        {
            var code = category.Code();
            query = query.Where(t => t.Category == code);
        }

        return ViewsAsync(query.OrderByDescending(t => t.Id).Take(filter.Take), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackHistoryEntry>> GetHistoryAsync(long ticketId, CancellationToken cancellationToken) =>
        (await db.Set<FeedbackHistoryRecord>().AsNoTracking().Where(h => h.TicketId == ticketId).OrderBy(h => h.Id).ToListAsync(cancellationToken))
        .Select(h => new FeedbackHistoryEntry(h.At, h.Actor, h.Action, h.Detail)).ToList();

    public async Task<(ChangeOutcome Outcome, FeedbackTicket? Ticket)> ApplyAsync(TicketChange change, CancellationToken cancellationToken)
    {
        var ticket = await Tickets.FirstOrDefaultAsync(t => t.Id == change.TicketId, cancellationToken);
        if (ticket is null) return (ChangeOutcome.NotFound, null);
        if (ticket.Version != change.ExpectedVersion) return (ChangeOutcome.Stale, null);

        var now = time.GetUtcNow();
        var history = db.Set<FeedbackHistoryRecord>();
        if (change.NewStatus is { } status)
        {
            ticket.Status = status.Code();
            if (status == FeedbackStatus.Resolved) ticket.ResolvedAt = now;
            if (change.NewUnit is { } unit) ticket.Unit = unit.Code();
            history.Add(new FeedbackHistoryRecord
            {
                TicketId = ticket.Id,
                At = now,
                Actor = change.AdminName,
                ActorAadObjectId = change.AdminAadObjectId,
                Action = status == FeedbackStatus.Routed ? "routed" : status.Code(),
                Detail = change.NewUnit?.Label(UiLanguage.Chinese) ?? status.Label(UiLanguage.Chinese),
            });
        }

        if (change.ReplyText is { } reply)
        {
            db.Set<FeedbackReplyRecord>().Add(new FeedbackReplyRecord { TicketId = ticket.Id, At = now, AdminName = change.AdminName, AdminAadObjectId = change.AdminAadObjectId, Text = reply });
            history.Add(new FeedbackHistoryRecord { TicketId = ticket.Id, At = now, Actor = change.AdminName, ActorAadObjectId = change.AdminAadObjectId, Action = "replied", Detail = reply });
        }

        ticket.UpdatedAt = now;
        ticket.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (ChangeOutcome.Stale, null);
        }

        db.ChangeTracker.Clear();
        return (ChangeOutcome.Applied, ToView(ticket, await RepliesAsync([ticket.Id], cancellationToken)));
    }

    public async Task<FeedbackTicket?> RateAsync(string number, string memberUserId, SatisfactionRating rating, string? comment, CancellationToken cancellationToken)
    {
        var hash = await OwnerHashAsync(memberUserId, cancellationToken);
        var resolved = FeedbackStatus.Resolved.Code();
        var ticket = await Tickets.FirstOrDefaultAsync(t => t.Number == number && t.OwnerHash == hash && t.Status == resolved && t.Rating == null, cancellationToken);
        if (ticket is null) return null;

        var now = time.GetUtcNow();
        ticket.Rating = rating.Code();
        ticket.RatingComment = comment;
        ticket.RatedAt = now;
        ticket.UpdatedAt = now;
        ticket.Version++;
        db.Set<FeedbackHistoryRecord>().Add(new FeedbackHistoryRecord
        {
            TicketId = ticket.Id,
            At = now,
            Actor = MemberActor(ticket),
            Action = "rated",
            Detail = rating.Label(UiLanguage.Chinese) + (comment is null ? "" : "：" + comment),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        return ToView(ticket, await RepliesAsync([ticket.Id], cancellationToken));
    }

    public async Task<string?> GetReplyAddressAsync(long ticketId, CancellationToken cancellationToken)
    {
        var address = await Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => t.ReplyAddress).FirstOrDefaultAsync(cancellationToken);
        return address is null ? null : protector.UnprotectReplyAddress(address);
    }

    public async Task AddAdminCardAsync(long ticketId, AdminCardLocation location, CancellationToken cancellationToken)
    {
        db.Set<FeedbackAdminCardRecord>().Add(new FeedbackAdminCardRecord
        {
            TicketId = ticketId,
            ConversationId = location.ConversationId,
            ActivityId = location.ActivityId,
            Language = location.Language,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AdminCardLocation>> GetAdminCardsAsync(long ticketId, CancellationToken cancellationToken) =>
        await db.Set<FeedbackAdminCardRecord>().AsNoTracking().Where(c => c.TicketId == ticketId).OrderBy(c => c.Id)
            .Select(c => new AdminCardLocation(c.ConversationId, c.ActivityId, c.Language ?? "zh-CN")).ToListAsync(cancellationToken);

    public async Task<string?> GetAdminChannelAsync(CancellationToken cancellationToken) =>
        await db.Set<FeedbackSettingRecord>().AsNoTracking().Where(s => s.Key == AdminChannelKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    public async Task SetAdminChannelAsync(string conversationId, string adminName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.Set<FeedbackSettingRecord>().Where(s => s.Key == AdminChannelKey)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, conversationId).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.Set<FeedbackSettingRecord>().Add(new FeedbackSettingRecord { Key = AdminChannelKey, Value = conversationId, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<AdminTarget>> GetAdminTargetsAsync(IReadOnlyList<string> adminAadObjectIds, CancellationToken cancellationToken)
    {
        if (await GetAdminChannelAsync(cancellationToken) is { } channel)
        {
            var locale = await db.Conversations.AsNoTracking().Where(c => c.Id == channel).Select(c => c.Locale).FirstOrDefaultAsync(cancellationToken);
            return [new AdminTarget(channel, null, locale ?? "zh-CN")];
        }

        var ids = adminAadObjectIds.Select(a => a.ToLowerInvariant()).ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.AadObjectId != null && ids.Contains(m.AadObjectId.ToLower()))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Locale })
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => new AdminTarget(null, m.Id, m.Locale ?? "zh-CN"))];
    }

    public async Task<string> CreateExportTokenAsync(string adminAadObjectId, string purpose, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Set<FeedbackExportTokenRecord>().Add(new FeedbackExportTokenRecord
        {
            TokenHash = HashToken(token),
            AdminAadObjectId = adminAadObjectId,
            Purpose = purpose,
            ExpiresAt = time.GetUtcNow() + lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return token;
    }

    /// <summary>Marks the token used if it is valid now and was issued for <paramref name="purpose"/>; returns the admin it was issued to.</summary>
    public async Task<string?> RedeemExportTokenAsync(string token, string purpose, CancellationToken cancellationToken)
    {
        var hash = HashToken(token);
        var now = time.GetUtcNow();
        var row = await db.Set<FeedbackExportTokenRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (row is null || row.UsedAt is not null || row.ExpiresAt < now || row.Purpose != purpose) return null;
        var used = await db.Set<FeedbackExportTokenRecord>().Where(t => t.TokenHash == hash && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return used == 1 ? row.AdminAadObjectId : null;
    }

    /// <summary>Every ticket with its history, oldest first, for the CSV export.</summary>
    public async Task<IReadOnlyList<(FeedbackTicket Ticket, IReadOnlyList<FeedbackHistoryEntry> History)>> ExportAsync(CancellationToken cancellationToken)
    {
        var tickets = await ViewsAsync(Tickets.AsNoTracking().OrderBy(t => t.Id), cancellationToken);
        var history = (await db.Set<FeedbackHistoryRecord>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken))
            .ToLookup(h => h.TicketId, h => new FeedbackHistoryEntry(h.At, h.Actor, h.Action, h.Detail));
        return [.. tickets.Select(t => (t, (IReadOnlyList<FeedbackHistoryEntry>)[.. history[t.Id]]))];
    }

    private static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string MemberActor(FeedbackTicketRecord ticket) =>
        ticket.IsAnonymous ? "匿名提交人" : "提交人 " + (ticket.MemberName ?? "");

    private async Task<string> OwnerHashAsync(string userId, CancellationToken cancellationToken)
    {
        var key = await ownerKeys.GetAsync(async () =>
        {
            var existing = await db.Set<FeedbackSettingRecord>().AsNoTracking().Where(s => s.Key == OwnerKeySetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
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
                existing = await db.Set<FeedbackSettingRecord>().AsNoTracking().Where(s => s.Key == OwnerKeySetting).Select(s => s.Value).FirstAsync(cancellationToken);
            }

            return protector.UnprotectOwnerKey(existing);
        });
        return FeedbackProtector.OwnerHash(key, userId);
    }

    private async Task<IReadOnlyList<FeedbackTicket>> ViewsAsync(IQueryable<FeedbackTicketRecord> query, CancellationToken cancellationToken)
    {
        var tickets = await query.ToListAsync(cancellationToken);
        var replies = await RepliesAsync([.. tickets.Select(t => t.Id)], cancellationToken);
        return [.. tickets.Select(t => ToView(t, replies))];
    }

    private async Task<ILookup<long, FeedbackReply>> RepliesAsync(List<long> ticketIds, CancellationToken cancellationToken) =>
        (await db.Set<FeedbackReplyRecord>().AsNoTracking().Where(r => ticketIds.Contains(r.TicketId)).OrderBy(r => r.Id).ToListAsync(cancellationToken))
        .ToLookup(r => r.TicketId, r => new FeedbackReply(office.ToOffice(r.At), r.AdminName, r.Text));

    private FeedbackTicket ToView(FeedbackTicketRecord t, ILookup<long, FeedbackReply> replies) => new()
    {
        Id = t.Id,
        Number = t.Number,
        Category = FeedbackText.ParseCode<FeedbackCategory>(t.Category) ?? FeedbackCategory.Other,
        Content = t.Content,
        IsAnonymous = t.IsAnonymous,
        MemberName = t.IsAnonymous ? null : t.MemberName,
        MemberAadObjectId = t.IsAnonymous ? null : t.MemberAadObjectId,
        Contact = FeedbackText.ParseCode<ContactPreference>(t.Contact) ?? ContactPreference.BotOnly,
        ContactDetail = t.IsAnonymous ? null : t.ContactDetail,
        Status = FeedbackText.ParseCode<FeedbackStatus>(t.Status) ?? FeedbackStatus.New,
        Unit = FeedbackText.ParseCode<HandlingUnit>(t.Unit),
        // Cards show times in the offset they carry: the office's.
        CreatedAt = office.ToOffice(t.CreatedAt),
        UpdatedAt = office.ToOffice(t.UpdatedAt),
        ResolvedAt = t.ResolvedAt is { } resolved ? office.ToOffice(resolved) : null,
        Rating = FeedbackText.ParseCode<SatisfactionRating>(t.Rating),
        RatingComment = t.RatingComment,
        RatedAt = t.RatedAt is { } rated ? office.ToOffice(rated) : null,
        Version = t.Version,
        Language = t.Language == "en" ? UiLanguage.English : UiLanguage.Chinese,
        Replies = [.. replies[t.Id]],
    };
}
