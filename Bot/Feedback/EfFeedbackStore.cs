using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Dialogs.Engine;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// EF Core implementation of <see cref="IFeedbackStore"/> for SQLite and PostgreSQL: tickets, numbering, history,
/// replies and ratings. Owner tags come from <see cref="FeedbackOwnerKeys"/>, card routing from <see cref="FeedbackAdminRouting"/>.
/// </summary>
internal sealed class EfFeedbackStore(BotDbContext db, FeedbackProtector protector, FeedbackOwnerKeys ownerKeys, FeedbackAdminRouting routing, OfficeClock office, TimeProvider time) : IFeedbackStore
{

    private DbSet<FeedbackTicketRecord> Tickets => db.Set<FeedbackTicketRecord>();

    public async Task<FeedbackTicket?> CreateTicketAsync(NewFeedback feedback, DialogState claimedDialog, CancellationToken cancellationToken)
    {
        var ownerKey = await ownerKeys.KeyAsync(cancellationToken);
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

        var number = $"NX-{year}-{sequence:D4}";
        var ticket = new FeedbackTicketRecord
        {
            Number = number,
            Year = year,
            Sequence = sequence,
            Category = feedback.Category.Code(),
            Content = feedback.Content,
            IsAnonymous = feedback.IsAnonymous,
            MemberName = feedback.IsAnonymous ? null : feedback.MemberName,
            MemberAadObjectId = feedback.IsAnonymous ? null : feedback.MemberAadObjectId,
            OwnerHash = FeedbackProtector.OwnerTag(ownerKey, feedback.MemberUserId, number),
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
        var tag = await ownerKeys.TagAsync(memberUserId, number, cancellationToken);
        var ticket = await Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number && t.OwnerHash == tag, cancellationToken);
        return ticket is null ? null : ToView(ticket, await RepliesAsync([ticket.Id], cancellationToken));
    }

    /// <summary>
    /// Tags differ per ticket, so the member's tickets are found by recomputing the tag of each ticket, newest first
    /// (one HMAC-SHA256 of a short string per ticket read; only the id, number and tag columns are read for that).
    /// </summary>
    public async Task<IReadOnlyList<FeedbackTicket>> ListForMemberAsync(string memberUserId, int take, CancellationToken cancellationToken)
    {
        var key = await ownerKeys.KeyAsync(cancellationToken);
        var mine = new List<long>();
        await foreach (var t in Tickets.AsNoTracking().OrderByDescending(t => t.Id).Select(t => new { t.Id, t.Number, t.OwnerHash }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (t.OwnerHash != FeedbackProtector.OwnerTag(key, memberUserId, t.Number)) continue;
            mine.Add(t.Id);
            if (mine.Count == take) break;
        }

        return await ViewsAsync(Tickets.AsNoTracking().Where(t => mine.Contains(t.Id)).OrderByDescending(t => t.Id), cancellationToken);
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
        var tag = await ownerKeys.TagAsync(memberUserId, number, cancellationToken);
        var resolved = FeedbackStatus.Resolved.Code();
        var ticket = await Tickets.FirstOrDefaultAsync(t => t.Number == number && t.OwnerHash == tag && t.Status == resolved && t.Rating == null, cancellationToken);
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

    public async Task<string?> GetProtectedReplyAddressAsync(long ticketId, CancellationToken cancellationToken) =>
        await Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => t.ReplyAddress).FirstOrDefaultAsync(cancellationToken);

    public Task AddAdminCardAsync(long ticketId, AdminCardLocation location, CancellationToken cancellationToken) =>
        routing.AddAdminCardAsync(ticketId, location, cancellationToken);

    public Task<IReadOnlyList<AdminCardLocation>> GetAdminCardsAsync(long ticketId, CancellationToken cancellationToken) =>
        routing.GetAdminCardsAsync(ticketId, cancellationToken);

    public Task<string?> GetAdminChannelAsync(CancellationToken cancellationToken) => routing.GetAdminChannelAsync(cancellationToken);

    public Task SetAdminChannelAsync(string conversationId, string adminName, CancellationToken cancellationToken) =>
        routing.SetAdminChannelAsync(conversationId, cancellationToken);

    public Task<IReadOnlyList<AdminTarget>> GetAdminTargetsAsync(IReadOnlyList<string> adminAadObjectIds, CancellationToken cancellationToken) =>
        routing.GetAdminTargetsAsync(adminAadObjectIds, cancellationToken);

    /// <summary>Every ticket with its history, oldest first, for the CSV export.</summary>
    public async Task<IReadOnlyList<(FeedbackTicket Ticket, IReadOnlyList<FeedbackHistoryEntry> History)>> ExportAsync(CancellationToken cancellationToken)
    {
        var tickets = await ViewsAsync(Tickets.AsNoTracking().OrderBy(t => t.Id), cancellationToken);
        var history = (await db.Set<FeedbackHistoryRecord>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken))
            .ToLookup(h => h.TicketId, h => new FeedbackHistoryEntry(h.At, h.Actor, h.Action, h.Detail));
        return [.. tickets.Select(t => (t, (IReadOnlyList<FeedbackHistoryEntry>)[.. history[t.Id]]))];
    }

    private static string MemberActor(FeedbackTicketRecord ticket) =>
        ticket.IsAnonymous ? "匿名提交人" : "提交人 " + (ticket.MemberName ?? "");

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
        Category = FeedbackLabels.ParseCode<FeedbackCategory>(t.Category) ?? FeedbackCategory.Other,
        Content = t.Content,
        IsAnonymous = t.IsAnonymous,
        MemberName = t.IsAnonymous ? null : t.MemberName,
        MemberAadObjectId = t.IsAnonymous ? null : t.MemberAadObjectId,
        Contact = FeedbackLabels.ParseCode<ContactPreference>(t.Contact) ?? ContactPreference.BotOnly,
        ContactDetail = t.IsAnonymous ? null : t.ContactDetail,
        Status = FeedbackLabels.ParseCode<FeedbackStatus>(t.Status) ?? FeedbackStatus.New,
        Unit = FeedbackLabels.ParseCode<HandlingUnit>(t.Unit),
        // Cards show times in the offset they carry: the office's.
        CreatedAt = office.ToOffice(t.CreatedAt),
        UpdatedAt = office.ToOffice(t.UpdatedAt),
        ResolvedAt = t.ResolvedAt is { } resolved ? office.ToOffice(resolved) : null,
        Rating = FeedbackLabels.ParseCode<SatisfactionRating>(t.Rating),
        RatingComment = t.RatingComment,
        RatedAt = t.RatedAt is { } rated ? office.ToOffice(rated) : null,
        Version = t.Version,
        Language = t.Language == "en" ? UiLanguage.English : UiLanguage.Chinese,
        Replies = [.. replies[t.Id]],
    };
}
